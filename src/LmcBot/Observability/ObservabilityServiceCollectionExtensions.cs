using LmcBot.Core.Chat;
using LmcBot.Discord;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace LmcBot.Observability;

/// <summary>OpenTelemetry metrics with a Prometheus scrape endpoint, and the console log format.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>Meters exported: the core, the adapters, and ASP.NET Core's own HTTP server and rate-limiting meters.</summary>
    public static IReadOnlyList<string> MeterNames { get; } =
    [
        ChatMetrics.MeterName,
        HostMetrics.MeterName,
        DiscordMetrics.MeterName,
        LmcBot.Teams.Diagnostics.TeamsMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
    ];

    public static WebApplicationBuilder AddLmcBotObservability(this WebApplicationBuilder builder)
    {
        // Logging:Console:FormatterName = json | simple | systemd picks the console format; the console
        // provider reads it from configuration, so nothing to wire beyond documenting it.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("lmcbot"))
            .WithMetrics(metrics => metrics
            .AddMeter([.. MeterNames])
            .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointRouteBuilder MapLmcBotMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).DisableRateLimiting();
        return app;
    }
}
