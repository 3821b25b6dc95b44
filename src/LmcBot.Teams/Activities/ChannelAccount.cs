namespace LmcBot.Teams.Activities;

/// <summary>A user or the bot: <c>29:…</c> for users, <c>28:{AppId}</c> for the bot.</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The user's Entra object id (absent for the bot).</summary>
    public string? AadObjectId { get; init; }
}
