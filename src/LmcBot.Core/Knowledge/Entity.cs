namespace LmcBot.Core.Knowledge;

/// <summary>A named thing facts are about, with its variant names.</summary>
public sealed class Entity
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "thing";
    public List<string> Aliases { get; set; } = [];
    public KnowledgeOrigin Origin { get; set; }
}
