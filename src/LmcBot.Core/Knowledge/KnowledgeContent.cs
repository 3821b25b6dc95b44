namespace LmcBot.Core.Knowledge;

/// <summary>Everything stored, as read in one pass (removed facts included; the index skips them).</summary>
public sealed record KnowledgeContent(
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<KnowledgeDocument> Documents,
    IReadOnlyList<SentenceRecord> Sentences,
    IReadOnlyList<Entity> Entities);
