using LmcBot.Core.Answering;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Retrieval;

/// <summary>The committed knowledge/vectors file matches the shipped knowledge, so ingest never needs the model for it.</summary>
public sealed class ShippedVectorsTests
{
    private static string CommittedFile => VectorFile.PathFor(RepoPaths.Knowledge, MiniLmSentenceEmbedder.Model);

    [Fact]
    public void CommittedFile_CoversEveryShippedFactAndSentence_AndNothingElse()
    {
        Assert.True(File.Exists(CommittedFile), $"{CommittedFile} is missing. Generate it with: {ShippedVectors.RegenerateCommand}");
        var file = VectorFile.Read(CommittedFile);
        var (missing, unused) = ShippedVectors.Compare(KnowledgeBase.ReadFolder(RepoPaths.Knowledge), file);

        Assert.Equal(MiniLmSentenceEmbedder.Model, file.ModelId);
        Assert.Equal(MiniLmSentenceEmbedder.VectorDimensions, file.Dimensions);
        Assert.True(missing.Count == 0 && unused.Count == 0,
            $"knowledge/ changed without regenerating its vectors: {missing.Count} facts or sentences have no vector in {CommittedFile} "
            + $"and {unused.Count} vectors belong to text that is gone. Regenerate it with: {ShippedVectors.RegenerateCommand}");
    }

    [Fact]
    public void FreshDatabaseOfTheShippedKnowledge_RunsNoModel()
    {
        using var temp = new TempDirectory();
        var embedder = new RefusingEmbedder();

        using var kb = new KnowledgeBase(new KnowledgeStore(temp.File("kb.db"), vectors: new DenseVectorSource(embedder, CommittedFile)), RepoPaths.Knowledge);

        Assert.Equal(kb.Current.FactCount, kb.Current.Dense.Facts.Count);
        Assert.Equal(kb.Current.SentenceCount, kb.Current.Dense.Sentences.Count);
    }

    [Fact]
    public void Regenerate_UpToDateFile_EmbedsNothing_AndWritesTheSameBytes()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();

        var (count, embedded) = ShippedVectors.Regenerate(folder, new RefusingEmbedder());

        Assert.Equal(0, embedded);
        Assert.Equal(VectorFile.Read(CommittedFile).ByHash.Count, count);
        Assert.Equal(File.ReadAllBytes(CommittedFile), File.ReadAllBytes(VectorFile.PathFor(folder, MiniLmSentenceEmbedder.Model)));
    }

    [Fact]
    public void Regenerate_AfterAStatementChanged_EmbedsThatOneText_AndTheFileIsCurrentAgain()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var facts = Path.Combine(folder, "facts", "seed-article.yaml");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace(
            "statement: \"The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang.\"",
            "statement: \"The StarExpress train, launched in 2024, links Kunming with Vientiane by way of Luang Prabang.\""));
        var path = VectorFile.PathFor(folder, MiniLmSentenceEmbedder.Model);
        Assert.Single(ShippedVectors.Compare(KnowledgeBase.ReadFolder(folder), VectorFile.Read(path)).Missing);

        var (_, embedded) = ShippedVectors.Regenerate(folder, new ConstantEmbedder());

        Assert.Equal(1, embedded);
        var (missing, unused) = ShippedVectors.Compare(KnowledgeBase.ReadFolder(folder), VectorFile.Read(path));
        Assert.Empty(missing);
        Assert.Empty(unused);
    }

    /// <summary>Stands in for MiniLM where the test proves the model is not needed.</summary>
    private sealed class RefusingEmbedder : ISentenceEmbedder
    {
        public string ModelId => MiniLmSentenceEmbedder.Model;
        public int Dimensions => MiniLmSentenceEmbedder.VectorDimensions;
        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"the model was asked to embed \"{texts[0]}\"");
    }

    /// <summary>MiniLM's id and width with a fixed unit vector, for regenerating without loading the model.</summary>
    private sealed class ConstantEmbedder : ISentenceEmbedder
    {
        public string ModelId => MiniLmSentenceEmbedder.Model;
        public int Dimensions => MiniLmSentenceEmbedder.VectorDimensions;
        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Select(_ => Enumerable.Range(0, Dimensions).Select(i => i == 0 ? 1f : 0f).ToArray()).ToArray();
    }
}
