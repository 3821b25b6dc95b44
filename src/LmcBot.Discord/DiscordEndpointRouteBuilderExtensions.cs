using LmcBot.Discord.Configuration;
using LmcBot.Discord.Interactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord;

/// <summary>Maps the Discord HTTP interactions endpoint.</summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>Maps POST <c>Discord:InteractionsPath</c> (default <c>/discord/interactions</c>) when Discord:Mode is Http or Both; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (!settings.UsesHttp)
            return app;
        var endpoint = app.ServiceProvider.GetRequiredService<InteractionEndpoint>();
        app.MapPost(settings.InteractionsPath, endpoint.HandleAsync).WithName("DiscordInteractions");
        return app;
    }
}
