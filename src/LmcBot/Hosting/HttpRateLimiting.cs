using System.Threading.RateLimiting;
using LmcBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LmcBot.Hosting;

/// <summary>
/// A flood guard per client IP address on every HTTP endpoint but health: 429 with Retry-After beyond
/// <c>RateLimits:PerIpPerMinute</c>. Fair sharing between users and servers is done in the core
/// (<see cref="RequestRateLimiter"/>), where the signed user and guild/tenant ids are known.
/// </summary>
public static class HttpRateLimiting
{
    public static IServiceCollection AddLmcBotHttpRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PerIpPerMinute;
                if (perMinute <= 0 || context.Request.Path.StartsWithSegments("/health"))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
