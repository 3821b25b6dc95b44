namespace LmcBot.Core.Knowledge;

/// <summary>A validated set of documents, facts and entities, as read from files or an export.</summary>
public sealed record KnowledgeSet(
    IReadOnlyList<KnowledgeDocument> Documents,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<Entity> Entities,
    string ContentHash);
