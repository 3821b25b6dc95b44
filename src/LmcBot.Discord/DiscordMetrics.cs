using System.Diagnostics.Metrics;

namespace LmcBot.Discord;

/// <summary>The adapter's counters, on the Meter <c>LmcBot.Discord</c> so the host can export them.</summary>
public sealed class DiscordMetrics
{
    public const string MeterName = "LmcBot.Discord";

    private readonly Counter<long> _rateLimitWaits;
    private readonly Counter<long> _gatewayReconnects;
    private readonly Counter<long> _replaysRefused;
    private readonly Counter<long> _replayMemoryEvictions;

    public DiscordMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rateLimitWaits = meter.CreateCounter<long>("lmcbot_discord_rate_limit_waits",
            description: "Times a REST request waited for a Discord rate limit (bucket, global or 429).");
        _gatewayReconnects = meter.CreateCounter<long>("lmcbot_discord_gateway_reconnects",
            description: "Times the gateway connection was re-opened (resume or new session).");
        _replaysRefused = meter.CreateCounter<long>("lmcbot_discord_replays_refused",
            description: "Interactions refused because their id was already received within the timestamp window.");
        _replayMemoryEvictions = meter.CreateCounter<long>("lmcbot_discord_replay_memory_evictions",
            description: "Interaction ids forgotten before their window ended because Discord:RememberedInteractionIds was reached.");
    }

    internal void RateLimitWait(string reason) =>
        _rateLimitWaits.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void ReplayRefused() => _replaysRefused.Add(1);

    internal void ReplayMemoryEvicted() => _replayMemoryEvictions.Add(1);

    internal void GatewayReconnect(string action) =>
        _gatewayReconnects.Add(1, new KeyValuePair<string, object?>("action", action));
}
