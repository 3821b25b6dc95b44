using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LmcBot.Core.Chat;

/// <summary>
/// Per-user and per-guild/tenant token buckets, keyed by platform. The keys come from the signed or validated
/// payload, so the limit lives here (behind the adapters) rather than in HTTP middleware. Buckets refill
/// continuously from <see cref="TimeProvider"/> (no timers), so tests can drive them with a fake clock.
/// </summary>
public sealed class RequestRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Takes one request from the sender's and the scope's buckets; false with the wait when either is empty. The CLI is never limited.</summary>
    public bool TryAcquire(ChatRequest request, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (request.Platform == ChatPlatform.Cli) return true;
        var settings = options.Value;
        var now = time.GetTimestamp();
        var user = settings.PerUserPerMinute > 0 ? GetBucket($"{request.Platform}:user:{request.Sender.Id}", settings.PerUserPerMinute) : null;
        var scope = settings.PerScopePerMinute > 0 && request.ScopeId is { Length: > 0 } scopeId
            ? GetBucket($"{request.Platform}:scope:{scopeId}", settings.PerScopePerMinute) : null;
        if (_buckets.Count > SweepThreshold) Sweep(now);

        // Check both before taking from either, so a refused request does not spend the other bucket's token.
        lock (_lock)
        {
            var userWait = user?.WaitFor(now, time) ?? TimeSpan.Zero;
            var scopeWait = scope?.WaitFor(now, time) ?? TimeSpan.Zero;
            if (userWait > TimeSpan.Zero || scopeWait > TimeSpan.Zero)
            {
                retryAfter = userWait > scopeWait ? userWait : scopeWait;
                return false;
            }
            user?.Take();
            scope?.Take();
            return true;
        }
    }

    private Bucket GetBucket(string key, int perMinute)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(perMinute, time.GetTimestamp()));
        bucket.Capacity = perMinute;
        return bucket;
    }

    private void Sweep(long now)
    {
        lock (_lock)
            foreach (var (key, bucket) in _buckets)
                if (bucket.IsFull(now, time)) _buckets.TryRemove(key, out _);
    }

    private sealed class Bucket(int capacity, long created)
    {
        private double _tokens = capacity;
        private long _updated = created;

        public int Capacity { get; set; } = capacity;

        private void Refill(long now, TimeProvider time)
        {
            var elapsed = time.GetElapsedTime(_updated, now);
            if (elapsed > TimeSpan.Zero)
            {
                _tokens = Math.Min(Capacity, _tokens + elapsed.TotalMinutes * Capacity);
                _updated = now;
            }
        }

        public TimeSpan WaitFor(long now, TimeProvider time)
        {
            Refill(now, time);
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromMinutes((1 - _tokens) / Capacity);
        }

        public void Take() => _tokens -= 1;

        public bool IsFull(long now, TimeProvider time)
        {
            Refill(now, time);
            return _tokens >= Capacity;
        }
    }
}
