// TEMPORARY: stands in for the dense branch until it is merged. Deleted at merge.
namespace LmcBot.Core.Answering.Retrieval;

public readonly record struct DenseHit(int Item, float Similarity);

public sealed class DenseIndex
{
    public int Dimensions => 384;
    public int Count => 0;
    public IReadOnlyList<DenseHit> Search(ReadOnlySpan<float> query, int k) => [];
    public Dictionary<int, float> Similarities(ReadOnlySpan<float> query) => [];
}

public sealed class DenseKnowledgeIndex
{
    public static DenseKnowledgeIndex Empty { get; } = new();
    public string? ModelId => null;
    public DenseIndex Facts { get; } = new();
    public DenseIndex Sentences { get; } = new();
    public bool IsEmpty => true;
}

public interface ISentenceEmbedder
{
    string ModelId { get; }
    int Dimensions { get; }
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
