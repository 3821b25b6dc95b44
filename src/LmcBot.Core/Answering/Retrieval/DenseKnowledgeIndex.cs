using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Retrieval;

/// <summary>
/// The dense side of a <see cref="KnowledgeIndex"/>: one <see cref="DenseIndex"/> over the facts and one over the
/// document sentences, whose hit items are the positions of the facts and sentences in the lists it was built from
/// (the knowledge index's own fact and sentence numbering). Facts and sentences without a stored vector are absent.
/// </summary>
public sealed class DenseKnowledgeIndex
{
    private DenseKnowledgeIndex(string? modelId, DenseIndex facts, DenseIndex sentences)
    {
        ModelId = modelId;
        Facts = facts;
        Sentences = sentences;
    }

    /// <summary>No vectors (the store has no sentence model configured).</summary>
    public static DenseKnowledgeIndex Empty { get; } = new(null, DenseIndex.Empty(1), DenseIndex.Empty(1));

    /// <summary>The model the vectors came from; a question must be embedded with the same one. Null when empty.</summary>
    public string? ModelId { get; }

    public DenseIndex Facts { get; }

    public DenseIndex Sentences { get; }

    public bool IsEmpty => Facts.Count == 0 && Sentences.Count == 0;

    /// <param name="facts">The facts in the order answering numbers them.</param>
    /// <param name="sentences">The sentences' texts in the order answering numbers them.</param>
    public static DenseKnowledgeIndex Build(KnowledgeVectors? vectors, IEnumerable<Fact> facts, IEnumerable<string> sentences)
    {
        if (vectors is null) return Empty;
        return new DenseKnowledgeIndex(vectors.ModelId,
            DenseIndex.Build(vectors.Dimensions, facts.Select((fact, i) => (i, vectors.Find(KnowledgeText.ForFact(fact))))),
            DenseIndex.Build(vectors.Dimensions, sentences.Select((text, i) => (i, vectors.ForSentence(text)))));
    }
}
