namespace LmcBot.Teams.Package;

/// <summary>
/// What goes into the Teams app package besides the commands. Only <see cref="AppId"/> is
/// required; bump <see cref="Version"/> whenever the manifest changes, or Teams keeps the old one.
/// </summary>
public sealed record TeamsAppPackageSettings(string AppId)
{
    public string Version { get; init; } = "1.0.0";

    /// <summary>At most 30 characters.</summary>
    public string ShortName { get; init; } = "LmcBot";

    /// <summary>At most 100 characters.</summary>
    public string FullName { get; init; } = "LmcBot: Lancang-Mekong Cooperation answers";

    /// <summary>At most 80 characters.</summary>
    public string ShortDescription { get; init; } = "Answers about Lancang-Mekong Cooperation, with sources.";

    /// <summary>At most 4000 characters.</summary>
    public string FullDescription { get; init; } =
        "Ask in plain words about Lancang-Mekong Cooperation: trade, transport routes, investments and partner cities. "
        + "Every answer cites the document and the exact quote it rests on. "
        + "In a channel or group chat, @mention the bot. Admins keep the knowledge base current with the kb commands.";

    /// <summary>At most 32 characters.</summary>
    public string DeveloperName { get; init; } = "LmcBot";

    public string WebsiteUrl { get; init; } = "https://example.com/lmcbot";

    public string PrivacyUrl { get; init; } = "https://example.com/lmcbot/privacy";

    public string TermsOfUseUrl { get; init; } = "https://example.com/lmcbot/terms";

    /// <summary><c>#RRGGBB</c>: the color icon's background too.</summary>
    public string AccentColor { get; init; } = "#1B6A8A";
}
