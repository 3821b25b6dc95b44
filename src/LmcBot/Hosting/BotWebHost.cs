using LmcBot.Admin;
using LmcBot.Core;
using LmcBot.Discord;
using LmcBot.Teams;
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
        builder.Services.AddLmcBotCore(builder.Configuration, contentRoot, databasePurpose: "the LmcBot web host");
        builder.Services.AddDiscordAdapter(builder.Configuration);
        builder.Services.AddTeamsAdapter(builder.Configuration);
        builder.Services.AddLmcBotHealthChecks();
        builder.Services.AddHostedService<KnowledgeBaseWarmup>();
        builder.Services.AddSingleton<SentenceModelWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SentenceModelWarmup>());
        builder.Services.AddHostedService<AdminEndpointServer>();
        builder.Services.AddLmcBotHttpRateLimiting();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<RequestGuard>();
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
        builder.Services.AddSingleton<HostMetrics>();
        builder.Services.AddSingleton<RequestDrain>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RequestDrain>());
        builder.Services.AddOptions<HostingOptions>().Bind(builder.Configuration.GetSection(HostingOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<HostingOptions>>((kestrel, hosting) => kestrel.Limits.MaxRequestBodySize = hosting.Value.MaxRequestBodySize);
        return builder;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = Build(HostArguments(args));
        // Another writer of the database stops the start here, with its name, before anything listens or logs a stack trace.
        TakeDatabase(app.Services);
        // Stops on SIGTERM/Ctrl+C through the host's console lifetime: stop accepting, finish in-flight requests
        // within Hosting:ShutdownTimeout, stop the gateway, then dispose the knowledge base (which checkpoints).
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static void TakeDatabase(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<Core.Knowledge.KnowledgeStore>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            // An unusable path: the host still starts and reports not ready (KnowledgeBaseWarmup).
        }
    }

    /// <summary>The CLI's <c>--db</c> and <c>--knowledge</c> as configuration keys (paths from the working directory); <c>--verbose</c> dropped.</summary>
    internal static string[] HostArguments(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var key = args[i] switch { "--db" => "Knowledge:DatabasePath", "--knowledge" => "Knowledge:Folder", _ => null };
            if (key is not null && i + 1 < args.Length)
                result.Add($"--{key}={Path.GetFullPath(args[++i])}");
            else if (args[i] != "--verbose")
                result.Add(args[i]);
        }
        return [.. result];
    }
}
