
namespace LmcBot.Core.Tests.Retrieval;

public sealed class DenseIndexTests
{
    private const int Dimensions = 16;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(200)]
    public void Search_TopK_EqualsABruteForceSort(int k)
    {
        var random = new Random(20261204);
        var vectors = Enumerable.Range(0, 120).Select(_ => Unit(random)).ToList();
        var index = DenseIndex.Build(Dimensions, vectors.Select((v, i) => (i, (float[]?)v)));
        var query = Unit(random);

        var hits = index.Search(query, k);

        var expected = vectors.Select((v, i) => (Item: i, Similarity: Dot(query, v)))
            .OrderByDescending(x => x.Similarity).ThenBy(x => x.Item).Take(k).ToList();
        Assert.Equal(expected.Select(x => x.Item), hits.Select(h => h.Item));
        for (var i = 0; i < hits.Count; i++) Assert.Equal(expected[i].Similarity, hits[i].Similarity, 5);
    }

    [Fact]
    public void Build_ItemsWithoutAVector_AreAbsentAndNeverReturned()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 10).Select(i => (i, i % 3 == 0 ? null : (float[]?)Unit(random))).ToList();
        var index = DenseIndex.Build(Dimensions, rows);

        var hits = index.Search(Unit(random), 100);

        Assert.Equal(6, index.Count);
        Assert.Equal(6, hits.Count);
        Assert.DoesNotContain(hits, h => h.Item % 3 == 0);
        Assert.False(index.Contains(3));
        Assert.True(index.Contains(4));
    }

    [Fact]
    public void Search_TheQueryItself_ComesFirstWithSimilarityOne()
    {
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 30).Select(_ => Unit(random)).ToList();
        var index = DenseIndex.Build(Dimensions, vectors.Select((v, i) => (i + 100, (float[]?)v)));

        var best = index.Search(vectors[17], 1).Single();

        Assert.Equal(117, best.Item);
        Assert.Equal(1f, best.Similarity, 5);
    }

    [Fact]
    public void Search_EqualSimilarities_KeepTheEarlierRow()
    {
        var same = Unit(new Random(1));
        var index = DenseIndex.Build(Dimensions, Enumerable.Range(0, 5).Select(i => (i, (float[]?)same)));

        Assert.Equal([0, 1], index.Search(same, 2).Select(h => h.Item));
    }

    [Fact]
    public void Search_EmptyIndexOrZeroK_ReturnsNothing()
    {
        Assert.Empty(DenseIndex.Empty(Dimensions).Search(new float[Dimensions], 5));
        Assert.Empty(DenseIndex.Build(Dimensions, [(0, Unit(new Random(2)))]).Search(new float[Dimensions], 0));
    }

    [Fact]
    public void WrongWidths_AreRefusedWithTheirSizes()
    {
        var build = Assert.Throws<ArgumentException>(() => DenseIndex.Build(Dimensions, [(4, new float[3])]));
        Assert.Contains("Item 4's vector has 3 values, not 16", build.Message);
        var search = Assert.Throws<ArgumentException>(() => DenseIndex.Empty(Dimensions).Search(new float[8], 1));
        Assert.Contains("8 values; this index has 16", search.Message);
    }

    internal static float[] Unit(Random random, int dimensions = Dimensions)
    {
        var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
