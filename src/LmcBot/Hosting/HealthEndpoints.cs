using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LmcBot.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database, sentence model, Discord gateway), each with a JSON body.</summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddLmcBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process is running."), [LiveTag])
            .AddCheck<KnowledgeDatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<SentenceModelHealthCheck>("sentence-model", tags: [ReadyTag])
            .AddCheck<DiscordGatewayHealthCheck>("discord-gateway", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps both endpoints, and <c>/health</c> as an alias of readiness for existing probes.</summary>
    public static IEndpointRouteBuilder MapLmcBotHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, Options(check => check.Tags.Contains(LiveTag)));
        app.MapHealthChecks(ReadyPath, Options(check => check.Tags.Contains(ReadyTag)));
        app.MapHealthChecks("/health", Options(check => check.Tags.Contains(ReadyTag)));
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteJsonAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
