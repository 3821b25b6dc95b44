using System.Text.Json.Serialization;

namespace LmcBot.Teams.Package;

/// <summary>The Teams app manifest, schema 1.19: the required fields and one bot.</summary>
internal sealed record TeamsManifest
{
    public const string ManifestVersion119 = "1.19";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string Schema { get; init; } = "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";

    [JsonPropertyOrder(-1)]
    public string ManifestVersion { get; init; } = ManifestVersion119;

    public required string Version { get; init; }

    public required string Id { get; init; }

    public required ManifestDeveloper Developer { get; init; }

    public required ManifestName Name { get; init; }

    public required ManifestDescription Description { get; init; }

    public required ManifestIcons Icons { get; init; }

    public required string AccentColor { get; init; }

    public required IReadOnlyList<ManifestBot> Bots { get; init; }

    public IReadOnlyList<string> ValidDomains { get; init; } = [];
}

internal sealed record ManifestDeveloper(string Name, string WebsiteUrl, string PrivacyUrl, string TermsOfUseUrl);

internal sealed record ManifestName(string Short, string Full);

internal sealed record ManifestDescription(string Short, string Full);

internal sealed record ManifestIcons(string Color, string Outline);

internal sealed record ManifestBot(string BotId, IReadOnlyList<string> Scopes, IReadOnlyList<ManifestCommandList> CommandLists)
{
    public bool SupportsFiles { get; init; }

    public bool IsNotificationOnly { get; init; }
}

internal sealed record ManifestCommandList(IReadOnlyList<string> Scopes, IReadOnlyList<ManifestCommand> Commands);

internal sealed record ManifestCommand(string Title, string Description);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TeamsManifest))]
internal sealed partial class TeamsManifestJsonContext : JsonSerializerContext;
