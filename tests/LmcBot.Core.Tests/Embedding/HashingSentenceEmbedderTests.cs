using LmcBot.Core.Embedding;

namespace LmcBot.Core.Tests.Embedding;

public sealed class HashingSentenceEmbedderTests
{
    [Fact]
    public void Embed_GivesUnitVectors_TheSameEveryTime()
    {
        var embedder = new HashingSentenceEmbedder();

        var first = embedder.Embed(["StarExpress stops at Luang Prabang", ""]);
        var again = new HashingSentenceEmbedder().Embed(["StarExpress stops at Luang Prabang"]);

        Assert.Equal(HashingSentenceEmbedder.DefaultDimensions, first[0].Length);
        Assert.Equal(1f, MathF.Sqrt(first[0].Sum(x => x * x)), 5);
        Assert.Equal(first[0], again[0]);
        Assert.All(first[1], x => Assert.Equal(0f, x)); // nothing to embed: the zero vector, similar to nothing
        Assert.Equal(2, embedder.EmbeddedCount);
    }

    [Fact]
    public void SharedWordsAndMisspellings_AreCloserThanUnrelatedText()
    {
        var embedder = new HashingSentenceEmbedder();
        var v = embedder.Embed(["The StarExpress train stops at Luang Prabang", "starexpres stops luang prabang", "GDP of Thailand in 1990"]);

        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]) + 0.2f, $"{Dot(v[0], v[1])} vs {Dot(v[0], v[2])}");
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
