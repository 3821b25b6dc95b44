using LmcBot.Discord.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Security;

/// <summary>
/// Remembers the interaction ids seen recently and refuses a second delivery of one. A signature stays valid for the
/// whole timestamp window, so without this a captured request (a <c>/kb</c> command) could be replayed as often as the
/// window allows. Ids are kept for twice <see cref="DiscordOptions.TimestampWindow"/>: a request stamped at the far
/// edge of the window in the future stays acceptable for that long. At most
/// <see cref="DiscordOptions.RememberedInteractionIds"/> are kept; past that the oldest are forgotten first (counted
/// in <c>lmcbot_discord_replay_memory_evictions</c>) rather than refusing new interactions.
/// </summary>
internal sealed partial class InteractionReplayGuard
{
    private readonly object _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, long ForgetAt)> _order = new();
    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger<InteractionReplayGuard> _logger;
    private readonly long _rememberTicks;
    private readonly int _capacity;
    private bool _warnedFull;

    public InteractionReplayGuard(IOptions<DiscordOptions> options, TimeProvider time, DiscordMetrics metrics,
        ILogger<InteractionReplayGuard> logger)
    {
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _capacity = options.Value.RememberedInteractionIds;
        _rememberTicks = (options.Value.TimestampWindow * 2).Ticks;
    }

    /// <summary>True the first time an id is seen within the window; false for a replay (logged and counted).</summary>
    public bool TryAccept(string interactionId)
    {
        if (_capacity == 0)
            return true;
        var now = _time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && oldest.ForgetAt <= now)
                _seen.Remove(_order.Dequeue().Id);
            if (_seen.Contains(interactionId))
            {
                _metrics.ReplayRefused();
                LogReplay(interactionId);
                return false;
            }
            if (_seen.Count >= _capacity)
            {
                _seen.Remove(_order.Dequeue().Id);
                _metrics.ReplayMemoryEvicted();
                if (!_warnedFull)
                {
                    _warnedFull = true;
                    LogFull(_capacity);
                }
            }
            _seen.Add(interactionId);
            _order.Enqueue((interactionId, now + _rememberTicks));
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused Discord interaction {InteractionId}: it was already received (a replay)")]
    private partial void LogReplay(string interactionId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "More than {Capacity} Discord interactions within the replay window: the oldest ids are forgotten early. Raise Discord:RememberedInteractionIds")]
    private partial void LogFull(int capacity);
}
