namespace LmcBot.Core.Knowledge;

/// <summary>A question the bot declined, grouped by its folded text, so admins see what to add.</summary>
public sealed class UnansweredQuestion
{
    /// <summary>The folded question text (grouping key).</summary>
    public string Id { get; set; } = "";
    public string Question { get; set; } = "";
    public int Count { get; set; }
    public DateTime FirstAsked { get; set; }
    public DateTime LastAsked { get; set; }
    public string LastPlatform { get; set; } = "";
}
