using LmcBot.Observability;

namespace LmcBot.Hosting;

/// <summary>
/// The first middleware: refuses new requests once the host is stopping (503 with Retry-After, so a load
/// balancer or Bot Framework tries another instance or later) while requests already in flight finish, counted by
/// <see cref="RequestDrain"/>, which keeps the listener open until they have; and turns
/// request bodies that break the server's limits (too large, arriving too slowly, malformed chunking) into one
/// warning line and a counted rejection, without a stack trace: they come from anyone, before authentication.
/// </summary>
public sealed partial class RequestGuard(RequestDelegate next, RequestDrain drain, HostMetrics metrics, ILogger<RequestGuard> logger)
{
    /// <summary>
    /// Seconds a client should wait before retrying during the drain: about what a restart takes (the host opens an
    /// existing knowledge base and listens within a few seconds), so a retry after it usually reaches the new process.
    /// </summary>
    public const int DrainRetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        if (drain.IsDraining)
        {
            metrics.Rejected("draining");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = DrainRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.Connection = "close";
            return;
        }
        // Only admitted requests count: under a flood of refused ones the drain still ends when the real work has.
        drain.Enter();
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad)
        {
            var reason = Reason(bad.StatusCode);
            metrics.Rejected(reason);
            LogRefusedBody(context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", reason, bad.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = bad.StatusCode;
                context.Response.Headers.Connection = "close";
            }
            return;
        }
        finally
        {
            drain.Exit();
        }
        // An endpoint's own size check (Content-Length over its limit, or more bytes than it reads) is a rejection too.
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            metrics.Rejected("body_too_large");
            LogRefusedBody(context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", "body_too_large", "larger than the endpoint accepts");
        }
    }

    private static string Reason(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "body_too_large",
        StatusCodes.Status408RequestTimeout => "body_too_slow",
        _ => "bad_request",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to {Path} from {Remote}: {Reason} ({Detail})")]
    private partial void LogRefusedBody(string path, string remote, string reason, string detail);
}
