using Microsoft.Extensions.Logging;

namespace LmcBot.Core.Http;

/// <summary>Logs a redirect the primary handler was told not to follow (see <c>RefuseRedirects</c>).</summary>
public sealed partial class RedirectRefusingHandler(string clientName, ILogger<RedirectRefusingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 && status != 304)
        {
            // Only the hosts: a Location's path or query may carry a token.
            var from = request.RequestUri?.Authority ?? "unknown";
            var to = response.Headers.Location is { } location
                ? (location.IsAbsoluteUri ? location.Authority : from)
                : "no Location";
            LogRefused(clientName, status, from, to);
        }
        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "HTTP client {Client}: {Host} answered {Status} redirecting to {LocationHost}; redirects are never followed, so the request failed")]
    private partial void LogRefused(string client, int status, string host, string locationHost);
}
