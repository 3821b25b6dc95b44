namespace LmcBot.Core.Answering.Retrieval;

/// <summary>The stored vectors of one model, by content hash (<see cref="DenseText.Hash"/>).</summary>
public sealed record KnowledgeVectors(string ModelId, int Dimensions, IReadOnlyDictionary<string, float[]> ByHash)
{
    /// <summary>The vector of a fact's text (<see cref="DenseText.ForFact"/>), or null when it has none.</summary>
    public float[]? ForFact(Knowledge.Fact fact) => Find(DenseText.ForFact(fact));

    /// <summary>The vector of a document sentence (<see cref="DenseText.ForSentence"/>), or null when it has none.</summary>
    public float[]? ForSentence(string sentence) => Find(DenseText.ForSentence(sentence));

    private float[]? Find(string text) => ByHash.TryGetValue(DenseText.Hash(ModelId, text), out var vector) ? vector : null;
}
