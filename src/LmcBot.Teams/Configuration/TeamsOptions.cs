namespace LmcBot.Teams.Configuration;

/// <summary>
/// Configuration section <c>Teams</c>. Validated at start-up when <see cref="Enabled"/> is true;
/// each message names the setting to fix.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The Bot Framework OpenID metadata that lists the channel's signing keys.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public const string DefaultAuthorityHost = "https://login.microsoftonline.com";

    public const string DefaultMessagingPath = "/api/messages";

    /// <summary>Service hosts Teams posts from (public cloud, GCC, GCC High, DoD) when none are configured.</summary>
    public static IReadOnlyList<string> DefaultAllowedServiceUrlHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>Maps the messaging endpoint (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The Azure Bot's Microsoft App ID (a GUID). Empty means the unauthenticated development mode,
    /// which accepts requests from loopback only and replies to loopback service URLs only.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret; from the environment (<c>Teams__AppPassword</c>) or user-secrets only.</summary>
    public string? AppPassword { get; set; }

    /// <summary><c>MultiTenant</c> (default) or <c>SingleTenant</c>.</summary>
    public TeamsAppType AppType { get; set; } = TeamsAppType.MultiTenant;

    /// <summary>The Entra tenant of a single-tenant bot (required when <see cref="AppType"/> is SingleTenant).</summary>
    public string? TenantId { get; set; }

    /// <summary>Path of the messaging endpoint (default <c>/api/messages</c>).</summary>
    public string MessagingPath { get; set; } = DefaultMessagingPath;

    /// <summary>
    /// Hosts replies may be sent to; <c>*.example.com</c> matches subdomains. Empty (default) means
    /// <see cref="DefaultAllowedServiceUrlHosts"/>. Ignored in development mode, which allows loopback only.
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>Bot Framework OpenID metadata (default <see cref="DefaultOpenIdMetadataUrl"/>).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// Entra ID OpenID metadata for single-tenant bots; default
    /// <c>{AuthorityHost}/{TenantId}/v2.0/.well-known/openid-configuration</c>.
    /// </summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Base URL of the token authority (default <c>https://login.microsoftonline.com</c>).</summary>
    public string AuthorityHost { get; set; } = DefaultAuthorityHost;

    /// <summary>An answer not ready after this long gets a typing indicator first (default 250 ms).</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest the endpoint holds Teams' POST open (default 5 s). A turn still running then,
    /// such as one waiting out a connector Retry-After, finishes in the background.
    /// </summary>
    public TimeSpan AcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a connector call after 429/412/502/503/504 (default 3).</summary>
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First backoff delay when the connector sends no Retry-After (default 1 s, doubling, with jitter).</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the send fails instead (default 30 s).</summary>
    public TimeSpan ConnectorMaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when no app id is configured: unauthenticated, loopback-only development mode.</summary>
    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);

    internal IReadOnlyList<string> EffectiveAllowedServiceUrlHosts =>
        AllowedServiceUrlHosts.Count > 0 ? AllowedServiceUrlHosts : DefaultAllowedServiceUrlHosts;

    internal string TokenTenant => AppType == TeamsAppType.SingleTenant ? TenantId! : "botframework.com";

    internal string EffectiveEntraOpenIdMetadataUrl =>
        EntraOpenIdMetadataUrl is { Length: > 0 } url
            ? url
            : $"{AuthorityHost.TrimEnd('/')}/{TenantId}/v2.0/.well-known/openid-configuration";
}
