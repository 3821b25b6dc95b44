using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LmcBot.Discord.Rest;

/// <summary>
/// Shared rate-limit state for every REST request: per-bucket limits learnt from <c>X-RateLimit-*</c> headers, a
/// global block after a global 429, and a sliding one-second window that keeps non-exempt routes under 50 requests/s.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, DiscordMetrics metrics)
{
    internal const int GlobalRequestsPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _bucketByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;

    /// <summary>Waits until a request on this route may be sent, and reserves its place.</summary>
    public async Task AcquireAsync(string routeKey, string path, CancellationToken ct)
    {
        if (!DiscordRoute.IsExemptFromGlobalLimit(path))
            await AcquireGlobalAsync(ct).ConfigureAwait(false);

        var bucket = BucketFor(routeKey, path);
        var waited = false;
        while (true)
        {
            var wait = bucket.TryReserve(time.GetUtcNow());
            if (wait <= TimeSpan.Zero)
                return;
            // A timer may wake a little early and loop once more: that is still one wait.
            if (!waited)
                metrics.RateLimitWait("bucket");
            waited = true;
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Learns the bucket and its remaining requests from a response's headers.</summary>
    public void Update(string routeKey, string path, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } bucketId)
            _bucketByRoute[routeKey] = bucketId;
        if (!TryDouble(Header(headers, "X-RateLimit-Remaining"), out var remaining)
            || !TryDouble(Header(headers, "X-RateLimit-Reset-After"), out var resetAfter))
            return;
        BucketFor(routeKey, path).Set((int)remaining, time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter));
    }

    /// <summary>Records a 429 and returns how long to wait before retrying (the body's <c>retry_after</c>, else <c>Retry-After</c>).</summary>
    public async Task<TimeSpan> OnTooManyRequestsAsync(string routeKey, string path, HttpResponseMessage response, CancellationToken ct)
    {
        double? retryAfter = null;
        var global = string.Equals(Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var body = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (body.RootElement.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var seconds))
                    retryAfter = seconds;
                if (body.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                    global = true;
            }
        }
        catch (JsonException)
        {
            // A 429 from a proxy may have no JSON body; the headers still say how long to wait.
        }
        if (retryAfter is null && TryDouble(Header(response.Headers, "Retry-After"), out var headerSeconds))
            retryAfter = headerSeconds;

        var wait = TimeSpan.FromSeconds(Math.Clamp(retryAfter ?? 1, 0, 3600));
        var until = time.GetUtcNow() + wait;
        if (global)
        {
            lock (_globalLock)
                if (until > _globalBlockedUntil)
                    _globalBlockedUntil = until;
        }
        else
        {
            BucketFor(routeKey, path).Set(0, until);
        }
        return wait;
    }

    private async Task AcquireGlobalAsync(CancellationToken ct)
    {
        var waited = false;
        while (true)
        {
            TimeSpan wait;
            lock (_globalLock)
            {
                var now = time.GetUtcNow();
                while (_recent.Count > 0 && _recent.Peek() <= now - TimeSpan.FromSeconds(1))
                    _recent.Dequeue();
                if (_globalBlockedUntil > now)
                {
                    wait = _globalBlockedUntil - now;
                }
                else if (_recent.Count >= GlobalRequestsPerSecond)
                {
                    wait = _recent.Peek() + TimeSpan.FromSeconds(1) - now;
                }
                else
                {
                    _recent.Enqueue(now);
                    return;
                }
            }
            if (!waited)
                metrics.RateLimitWait("global");
            waited = true;
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    private Bucket BucketFor(string routeKey, string path)
    {
        var key = _bucketByRoute.TryGetValue(routeKey, out var bucketId)
            ? bucketId + "|" + DiscordRoute.Major(path)
            : routeKey;
        return _buckets.GetOrAdd(key, static _ => new Bucket());
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool TryDouble(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>One bucket's known state; unknown until a response tells us.</summary>
    private sealed class Bucket
    {
        private readonly Lock _lock = new();
        private int? _remaining;
        private DateTimeOffset _resetAt;

        public TimeSpan TryReserve(DateTimeOffset now)
        {
            lock (_lock)
            {
                if (_remaining is null || now >= _resetAt)
                {
                    _remaining = null; // a new window: learn it again from the next response
                    return TimeSpan.Zero;
                }
                if (_remaining > 0)
                {
                    _remaining--;
                    return TimeSpan.Zero;
                }
                return _resetAt - now;
            }
        }

        public void Set(int remaining, DateTimeOffset resetAt)
        {
            lock (_lock)
            {
                _remaining = remaining;
                _resetAt = resetAt;
            }
        }
    }
}
