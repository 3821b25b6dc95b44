namespace LmcBot.Core.Answering.Names;

/// <summary>An entity found in text: which one, over which tokens, and whether a typo was forgiven.</summary>
internal readonly record struct EntityMention(int EntityId, int Start, int Length, bool Fuzzy);
