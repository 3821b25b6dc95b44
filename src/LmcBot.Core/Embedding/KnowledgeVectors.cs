namespace LmcBot.Core.Embedding;

/// <summary>The stored vectors of one model, by content hash (<see cref="DenseText.Hash"/>).</summary>
public sealed record KnowledgeVectors(string ModelId, int Dimensions, IReadOnlyDictionary<string, float[]> ByHash)
{
    /// <summary>The vector of a text as it was embedded (a fact's is <c>Knowledge.KnowledgeText.ForFact</c>), or null when it has none.</summary>
    public float[]? Find(string text) => ByHash.TryGetValue(DenseText.Hash(ModelId, text), out var vector) ? vector : null;

    /// <summary>The vector of a document sentence (<see cref="DenseText.ForSentence"/>), or null when it has none.</summary>
    public float[]? ForSentence(string sentence) => Find(DenseText.ForSentence(sentence));
}
