using System.Net;
using LmcBot.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Rest;

/// <summary>
/// Sits under the 5xx retry policy: waits for the route's bucket and the global limit before each attempt, and on
/// a 429 waits <c>retry_after</c> and tries again (a few times) before giving the 429 back.
/// </summary>
internal sealed class DiscordRateLimitHandler(DiscordRateLimiter limiter, IOptions<DiscordOptions> options,
    TimeProvider time, DiscordMetrics metrics) : DelegatingHandler
{
    internal const int MaxTooManyRequestsRetries = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = RelativePath(request.RequestUri!);
        var routeKey = DiscordRoute.Key(request.Method, path);
        for (var attempt = 0; ; attempt++)
        {
            await limiter.AcquireAsync(routeKey, path, ct).ConfigureAwait(false);
            var response = await base.SendAsync(request, ct).ConfigureAwait(false);
            limiter.Update(routeKey, path, response.Headers);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxTooManyRequestsRetries)
                return response;

            var wait = await limiter.OnTooManyRequestsAsync(routeKey, path, response, ct).ConfigureAwait(false);
            response.Dispose();
            metrics.RateLimitWait("429");
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    private string RelativePath(Uri uri)
    {
        var basePath = new Uri(options.Value.ApiBaseUrl).AbsolutePath.TrimEnd('/');
        var path = uri.AbsolutePath;
        return path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path;
    }
}
