using LmcBot.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Gateway;

/// <summary>
/// The gateway connection's state, for the host's readiness check (<c>/health/ready</c>) and for mention detection.
/// Registered as a singleton in every mode; <see cref="IsConnected"/> stays false when the gateway is not used.
/// </summary>
public sealed class DiscordGatewayStatus(IOptions<DiscordOptions> options)
{
    private volatile bool _connected;
    private volatile string? _botUserId;
    private volatile string? _stoppedReason;

    /// <summary>For <c>/health/ready</c>: true when the gateway is not used (Off, Http) or is connected.</summary>
    public bool IsReady => !options.Value.UsesGateway || IsConnected;

    /// <summary>True between READY (or RESUMED) and the next drop.</summary>
    public bool IsConnected => _connected;

    /// <summary>The bot's own user id, from READY.</summary>
    public string? BotUserId => _botUserId;

    /// <summary>Why the gateway stopped for good (a fatal close code such as 4004), or null while it runs.</summary>
    public string? StoppedReason => _stoppedReason;

    internal void Connected(string? botUserId)
    {
        if (botUserId is not null)
            _botUserId = botUserId;
        _connected = true;
    }

    internal void Disconnected() => _connected = false;

    internal void Stopped(string reason)
    {
        _stoppedReason = reason;
        _connected = false;
    }
}
