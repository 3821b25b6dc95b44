namespace LmcBot.Core.Knowledge;

/// <summary>Where an option's suggested values come from: the knowledge base, never a hard-coded list.</summary>
public enum CompletionSource
{
    None,
    Routes,
    Cities,
    Countries,
    Sectors,
    FactIds,
    FactKinds,
    Metrics,
}
