namespace LmcBot.Core.Answering;

/// <summary>An entity as the index knows it: every name it goes by and the facts that mention it.</summary>
internal sealed class IndexedEntity(int id, string name, string type)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public string Type { get; set; } = type;
    public List<string> Names { get; } = [];
    public List<int> Facts { get; } = [];
    /// <summary>How specific the entity is: rarer entities weigh more (1 / log of how many facts mention it).</summary>
    public double Weight { get; set; } = 1;
    private string? _compactName;

    /// <summary>The name folded without spaces (<see cref="Text.TextFolding.Compact"/>), worked out on first use.</summary>
    public string CompactName => _compactName ??= Text.TextFolding.Compact(Name);

    /// <summary>A city-pair fact mentions it.</summary>
    public bool InCityPair { get; set; }
}
