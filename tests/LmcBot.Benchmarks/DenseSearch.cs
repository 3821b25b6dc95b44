using BenchmarkDotNet.Attributes;
using LmcBot.Core.Embedding;

namespace LmcBot.Benchmarks;

/// <summary>
/// Exact top-k cosine over <see cref="Rows"/> random unit vectors of all-MiniLM-L6-v2's width: the dense retrieval's
/// cost as the knowledge grows (the shipped knowledge has about 460 rows).
/// </summary>
[Config(typeof(BenchConfig))]
public class DenseSearch
{
    /// <summary>Candidates answering asks the dense index for; the cost hardly depends on it (a heap of k).</summary>
    private const int TopK = 20;

    private DenseIndex _index = null!;
    private float[] _query = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261204);
        _index = DenseIndex.Build(MiniLmSentenceEmbedder.VectorDimensions, Enumerable.Range(0, Rows).Select(i => (i, (float[]?)Unit(random))));
        _query = Unit(random);
    }

    [Benchmark]
    public int Search() => _index.Search(_query, TopK).Count;

    private static float[] Unit(Random random)
    {
        var v = new float[MiniLmSentenceEmbedder.VectorDimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }
}
