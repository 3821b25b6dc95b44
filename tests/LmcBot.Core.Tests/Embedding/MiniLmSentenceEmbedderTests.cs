using LmcBot.Core.Answering;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Embedding;

/// <summary>The real all-MiniLM-L6-v2 (loaded once for the process, as the bot does).</summary>
public sealed class MiniLmSentenceEmbedderTests
{
    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void Embed_Gives384WideUnitVectors_AndAParaphraseIsNearerThanAnUnrelatedFact()
    {
        var v = MiniLmSentenceEmbedder.Shared.Embed([
            "how old is the Lancang-Mekong Cooperation",
            "The Lancang-Mekong Cooperation was founded in 2016.",
            "The StarExpress train connects Kunming to Vientiane via Luang Prabang.",
        ]);

        Assert.All(v, vector => Assert.Equal(384, vector.Length));
        Assert.All(v, vector => Assert.Equal(1f, MathF.Sqrt(Dot(vector, vector)), 3));
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]), $"founding {Dot(v[0], v[1])}, train {Dot(v[0], v[2])}");
    }

    [Fact]
    public void CommittedVectors_AreWhatTheModelComputes()
    {
        var set = KnowledgeBase.ReadFolder(RepoPaths.Knowledge);
        var file = VectorFile.Read(VectorFile.PathFor(RepoPaths.Knowledge, MiniLmSentenceEmbedder.Model));
        var texts = ShippedVectors.Texts(set).Take(3).ToList();

        var fresh = MiniLmSentenceEmbedder.Shared.Embed(texts);

        for (var i = 0; i < texts.Count; i++)
            Assert.True(Dot(fresh[i], file.ByHash[DenseText.Hash(MiniLmSentenceEmbedder.Model, texts[i])]) > 0.999f, texts[i]);
    }

    [Fact]
    public async Task ConcurrentFirstUse_LoadsOneModel_AndEveryCallerGetsTheSameVector()
    {
        using var embedder = new MiniLmSentenceEmbedder();
        Assert.False(embedder.IsLoaded);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => embedder.Embed(["sister city of Chiang Mai"])[0])));

        Assert.True(embedder.IsLoaded);
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Theory]
    [InlineData('中')] // one word piece per character
    [InlineData('x')]
    public void Embed_TheLongestTextDenseTextGives_IsEmbedded(char letter)
    {
        var text = DenseText.ForSentence(string.Join(' ', Enumerable.Repeat(new string(letter, 3), 1000)) + new string(letter, 2000));

        var vector = MiniLmSentenceEmbedder.Shared.Embed([text])[0];

        Assert.Equal(1f, MathF.Sqrt(Dot(vector, vector)), 3);
    }

    [Fact]
    public void Disposed_RefusesToEmbed()
    {
        var embedder = new MiniLmSentenceEmbedder();
        embedder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => embedder.Embed(["x"]));
    }
}
