using LmcBot.Core;
using LmcBot.Core.Knowledge;
using LmcBot.Discord;
using LmcBot.Observability;
using Microsoft.Extensions.Options;

namespace LmcBot.Hosting;

/// <summary>The web host: the adapters' endpoints, health, metrics, limits and the hosted services, wired from configuration.</summary>
public static class BotWebHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var contentRoot = ContentRoot.Locate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        builder.AddLmcBotHosting();
        builder.AddLmcBotObservability();
        builder.Services.AddLmcBotCore(builder.Configuration, contentRoot);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        builder.Services.AddTeamsAdapter(builder.Configuration);
        builder.Services.AddLmcBotHealthChecks();
        builder.Services.AddLmcBotHttpRateLimiting();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRateLimiter();
        app.MapLmcBotHealthChecks();
        app.MapLmcBotMetrics();
        app.MapDiscordInteractions();
        app.MapTeamsMessaging();
        return app;
    }

    /// <summary>Binds <see cref="HostingOptions"/> (validated at start-up) to the shutdown timeout and Kestrel's body size limit.</summary>
    public static WebApplicationBuilder AddLmcBotHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingOptions>().Bind(builder.Configuration.GetSection(HostingOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<HostingOptions>>((kestrel, hosting) => kestrel.Limits.MaxRequestBodySize = hosting.Value.MaxRequestBodySize);
        return builder;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build(args.Where(a => a is not ("--verbose")).ToArray());
        // Open (and sync) the knowledge base before accepting requests. If it cannot be opened the host still
        // starts, answers /health/live and reports /health/ready 503 with the reason, so the orchestrator sees why.
        try
        {
            _ = app.Services.GetRequiredService<KnowledgeBase>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            app.Logger.LogError("The knowledge database cannot be opened; /health/ready reports not ready: {Reason}", ex.Message);
        }
        // Stops on SIGTERM/Ctrl+C through the host's console lifetime: stop accepting, finish in-flight requests
        // within Hosting:ShutdownTimeout, stop the gateway, then dispose the knowledge base (which checkpoints).
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
