namespace LmcBot.Teams.Activities;

/// <summary>An entry of <c>entities</c>; only mentions (<c>type: mention</c>) are read.</summary>
internal sealed record ActivityEntity
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    /// <summary>The mention as it appears in the message text, e.g. <c>&lt;at&gt;LmcBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }
}
