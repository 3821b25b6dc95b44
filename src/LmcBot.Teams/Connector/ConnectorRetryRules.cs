using System.Net;
using Polly;

namespace LmcBot.Teams.Connector;

/// <summary>
/// When a connector call is retried (docs/PROTOCOLS.md B.3): 429 after its Retry-After, and
/// 412/502/503/504 or a failed connection with backoff. 400, 401, 403, 404, 413 and 500 are final.
/// A Retry-After longer than the configured maximum is not waited out.
/// </summary>
internal static class ConnectorRetryRules
{
    public static bool IsRetriableStatus(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, DateTimeOffset now) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => IsRetriableStatus(response.StatusCode)
            && !(RetryAfter(response, now) > maxRetryAfter),
        _ => false,
    };

    /// <summary>The wait the server asked for, as delta-seconds or an HTTP date; null when it asked for none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
