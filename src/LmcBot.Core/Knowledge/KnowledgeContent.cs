
using LmcBot.Core.Embedding;

namespace LmcBot.Core.Knowledge;

/// <summary>Everything stored, as read in one pass (removed facts included; the index skips them).</summary>
/// <param name="Vectors">The stored vectors of the store's sentence model by content hash, or null when it keeps none.</param>
public sealed record KnowledgeContent(
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<KnowledgeDocument> Documents,
    IReadOnlyList<SentenceRecord> Sentences,
    IReadOnlyList<Entity> Entities,
    KnowledgeVectors? Vectors = null);
