using LmcBot.Teams.Configuration;
using LmcBot.Teams.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams;

/// <summary>Maps the Microsoft Teams messaging endpoint.</summary>
public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>Teams:MessagingPath</c> (default <c>/api/messages</c>) when <c>Teams:Enabled</c> is true;
    /// does nothing otherwise. Logs a warning when the endpoint runs unauthenticated (no
    /// <c>Teams:AppId</c>: loopback-only development mode).
    /// </summary>
    public static IEndpointRouteBuilder MapTeamsMessaging(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (!options.Enabled)
            return app;

        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("LmcBot.Teams");
        if (options.IsDevelopmentMode)
            logger.LogWarning(
                "Teams: development mode, because Teams:AppId is empty: requests to {Path} are NOT authenticated; only loopback callers and loopback service URLs are accepted. Set Teams:AppId and Teams__AppPassword for a real bot.",
                options.MessagingPath);
        else
            logger.LogInformation("Teams: messaging endpoint {Path} for app {AppId} ({AppType}).",
                options.MessagingPath, options.AppId, options.AppType);

        var endpoint = app.ServiceProvider.GetRequiredService<TeamsMessagingEndpoint>();
        app.Map(options.MessagingPath, endpoint.HandleAsync).WithDisplayName("Teams messaging");
        return app;
    }
}
