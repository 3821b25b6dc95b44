namespace LmcBot.Core.Embedding;

/// <summary>Turns texts into L2-normalised vectors of <see cref="Dimensions"/> floats, so a dot product is their cosine.</summary>
public interface ISentenceEmbedder
{
    /// <summary>Names the model; part of every vector's content hash, so vectors of two models never mix.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One unit-length vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
