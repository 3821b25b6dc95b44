using LmcBot.Core;
using LmcBot.Core.Knowledge;
using LmcBot.Discord;

namespace LmcBot.Hosting;

/// <summary>The web host: the adapters' endpoints, health, and the hosted services, wired from configuration.</summary>
public static class BotWebHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var contentRoot = ContentRoot.Locate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        builder.Services.AddLmcBotCore(builder.Configuration, contentRoot);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDiscordInteractions();
        app.MapGet("/health", (KnowledgeBase knowledgeBase) =>
            knowledgeBase.Store.CanRead() ? Results.Ok(new { status = "Healthy" }) : Results.Json(new { status = "Unhealthy" }, statusCode: 503));
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build(args.Where(a => a is not ("--verbose")).ToArray());
        // Open (and sync) the knowledge base before accepting requests.
        _ = app.Services.GetRequiredService<KnowledgeBase>();
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
