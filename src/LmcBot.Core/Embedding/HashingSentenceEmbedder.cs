using System.Numerics.Tensors;
using LmcBot.Core.Text;

namespace LmcBot.Core.Embedding;

/// <summary>
/// A deterministic stand-in for a sentence model: folded character trigrams of each word (with word boundaries)
/// hashed into <see cref="Dimensions"/> buckets, then L2-normalised. Texts that share words and spellings get close
/// vectors; it knows no synonyms. For unit tests on tiny indexes; it loads nothing.
/// </summary>
public sealed class HashingSentenceEmbedder(int dimensions = HashingSentenceEmbedder.DefaultDimensions) : ISentenceEmbedder
{
    /// <summary>Wide enough that trigram collisions are rare on a test's few hundred words, small enough to be cheap.</summary>
    public const int DefaultDimensions = 256;

    /// <summary>Trigrams: short enough to match a misspelt word, long enough to tell words apart.</summary>
    private const int GramLength = 3;

    public string ModelId => $"hashing-trigram-{Dimensions}";

    public int Dimensions { get; } = dimensions > 0 ? dimensions : throw new ArgumentOutOfRangeException(nameof(dimensions), "dimensions must be positive");

    /// <summary>Texts embedded so far (tests check which texts reached the model).</summary>
    public int EmbeddedCount => Volatile.Read(ref _embedded);

    private int _embedded;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result[i] = EmbedOne(texts[i]);
        }
        Interlocked.Add(ref _embedded, texts.Count);
        return result;
    }

    private float[] EmbedOne(string text)
    {
        var vector = new float[Dimensions];
        foreach (var token in TextFolding.Tokens(text))
        {
            var word = $"<{token}>";
            var grams = Math.Max(1, word.Length - GramLength + 1);
            for (var start = 0; start < grams; start++)
            {
                var hash = Fnv1a(word.AsSpan(start, Math.Min(GramLength, word.Length - start)));
                // One bit of the hash picks a sign, so unrelated grams cancel out on average instead of piling up.
                vector[(int)(hash % (uint)Dimensions)] += (hash & 0x8000_0000u) == 0 ? 1f : -1f;
            }
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <summary>32-bit FNV-1a: stable across processes and platforms, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Fnv1a(ReadOnlySpan<char> text)
    {
        const uint offsetBasis = 2166136261, prime = 16777619; // the published FNV-1a 32-bit parameters
        var hash = offsetBasis;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * prime;
            hash = (hash ^ (byte)(c >> 8)) * prime;
        }
        return hash;
    }
}
