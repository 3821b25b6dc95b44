using LmcBot.Core.Embedding;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Embedding;

public sealed class VectorFileTests
{
    [Fact]
    public void WriteThenRead_GivesBackEveryVectorByHash()
    {
        using var temp = new TempDirectory();
        var path = temp.File("vectors/m.bin");
        var a = DenseText.Hash("m", "a");
        var b = DenseText.Hash("m", "b");
        VectorFile.Write(path, new KnowledgeVectors("m", 3, new Dictionary<string, float[]> { [b] = [0f, 1f, 0f], [a] = [0.6f, 0f, -0.8f] }));

        var read = VectorFile.Read(path);

        Assert.Equal("m", read.ModelId);
        Assert.Equal(3, read.Dimensions);
        Assert.Equal([0.6f, 0f, -0.8f], read.ByHash[a]);
        Assert.Equal([0f, 1f, 0f], read.ByHash[b]);
        Assert.Equal([0.6f, 0f, -0.8f], read.ForSentence("a")!);
    }

    [Fact]
    public void Read_TruncatedFile_SaysWhichFileAndHowToFixIt()
    {
        using var temp = new TempDirectory();
        var path = temp.File("m.bin");
        VectorFile.Write(path, new KnowledgeVectors("m", 3, new Dictionary<string, float[]> { [DenseText.Hash("m", "a")] = [1f, 0f, 0f] }));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);

        var error = Assert.Throws<InvalidDataException>(() => VectorFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not the", error.Message);
        Assert.Contains("Regenerate it", error.Message);
    }

    [Fact]
    public void Read_NotAVectorFile_IsRefused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("m.bin");
        File.WriteAllText(path, "hello world, not vectors");

        Assert.Contains("does not start with LMCV", Assert.Throws<InvalidDataException>(() => VectorFile.Read(path)).Message);
    }

    [Fact]
    public void Source_FileOfAnotherModel_IsRefusedNamingBoth()
    {
        using var temp = new TempDirectory();
        var path = temp.File("m.bin");
        VectorFile.Write(path, new KnowledgeVectors("other-model", 3, new Dictionary<string, float[]>()));
        var source = new DenseVectorSource(new HashingSentenceEmbedder(), path);

        var error = Assert.Throws<InvalidDataException>(() => source.VectorsFor(["x"]));

        Assert.Contains("other-model (3 dimensions), not hashing-trigram-256 (256)", error.Message);
    }
}
