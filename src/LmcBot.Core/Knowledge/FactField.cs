namespace LmcBot.Core.Knowledge;

/// <summary>A typed field of a fact kind.</summary>
public sealed record FactField(string Name, bool Required = false, bool IsEntity = false, bool IsList = false,
    bool IsDate = false, bool IsNumber = false)
{
    public string Label => char.ToUpperInvariant(Name[0]) + Name[1..].Replace('_', ' ');
}
