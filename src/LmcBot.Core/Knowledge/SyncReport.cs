namespace LmcBot.Core.Knowledge;

/// <summary>What a sync of the shipped files changed.</summary>
public sealed record SyncReport(bool Changed, int Documents, int Facts, int Entities, int Sentences,
    int FactsAdded, int FactsUpdated, int FactsDeleted, IReadOnlyList<string> Conflicts)
{
    public static SyncReport Unchanged { get; } = new(false, 0, 0, 0, 0, 0, 0, 0, []);
}
