namespace LmcBot.Discord.Configuration;

/// <summary>Configuration section <c>Discord</c>. Every setting can also be given as an environment variable (<c>Discord__Mode</c>).</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>Off (default), Http, Gateway or Both.</summary>
    public DiscordMode Mode { get; set; } = DiscordMode.Off;

    /// <summary>Application id from the Developer Portal; needed to register commands.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Hex Ed25519 public key from the Developer Portal; required for Http and Both.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Bot token; required for Gateway, Both and command registration. Environment only (<c>Discord__BotToken</c>).</summary>
    public string? BotToken { get; set; }

    /// <summary>REST base URL, default <c>https://discord.com/api/v10</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Path of the HTTP interactions endpoint, default <c>/discord/interactions</c>.</summary>
    public string InteractionsPath { get; set; } = "/discord/interactions";

    /// <summary>Guild used by <c>discord register</c> when no <c>--guild</c> is given (guild commands update instantly).</summary>
    public string? DevelopmentGuildId { get; set; }

    /// <summary>This process's shard, 0-based (default 0).</summary>
    public int ShardId { get; set; }

    /// <summary>Total number of shards (default 1).</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>How old (or how far in the future) a signed request's timestamp may be, default 5 minutes.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many interaction ids are remembered to refuse replays, default 100,000: each costs about 150 bytes (15 MB in
    /// all), and ids are kept for twice <see cref="TimestampWindow"/> (10 minutes), so this covers a sustained ~160
    /// interactions a second, more than one unsharded process is expected to serve. 0 turns replay refusal off; only
    /// load tests that resend one signed request should do that.
    /// </summary>
    public int RememberedInteractionIds { get; set; } = 100_000;

    /// <summary>Discord's attachment hosts, used when <see cref="AttachmentHosts"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultAttachmentHosts { get; } = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>
    /// Where <c>kb import file:</c> attachments may be downloaded from; empty means <see cref="DefaultAttachmentHosts"/>
    /// (the configuration binder appends to a pre-filled list, so a configured list could not replace them).
    /// A bare host name means https on that host; an absolute URL (<c>http://127.0.0.1:5000</c>) allows exactly that origin.
    /// </summary>
    public List<string> AttachmentHosts { get; set; } = [];

    internal IReadOnlyList<string> EffectiveAttachmentHosts => AttachmentHosts.Count > 0 ? AttachmentHosts : DefaultAttachmentHosts;

    /// <summary>An answer not ready after this long is deferred (type 5) and completed by a webhook edit, default 2 s (Discord's deadline is 3 s).</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First delay before retrying a 5xx REST response; doubles with jitter for up to three retries, default 500 ms.</summary>
    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Pause before reconnecting the gateway after a drop, default 1 s (grows on repeated failures, at most 60 s).</summary>
    public TimeSpan GatewayReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal bool UsesHttp => Mode is DiscordMode.Http or DiscordMode.Both;

    internal bool UsesGateway => Mode is DiscordMode.Gateway or DiscordMode.Both;
}
