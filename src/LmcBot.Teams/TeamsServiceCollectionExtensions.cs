using LmcBot.Core.Http;
using LmcBot.Core.Commands;
using LmcBot.Teams.Authentication;
using LmcBot.Teams.Configuration;
using LmcBot.Teams.Connector;
using LmcBot.Teams.Diagnostics;
using LmcBot.Teams.Messaging;
using LmcBot.Teams.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace LmcBot.Teams;

/// <summary>Registers the Microsoft Teams adapter.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The connector's wait for one attempt; a slower answer is not retried (it may have been delivered).</summary>
    private static readonly TimeSpan ConnectorAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Adds the Teams adapter: <c>Teams</c> options (validated at start-up), token validation, the
    /// connector client with its retries, card rendering and the messaging endpoint that
    /// <see cref="TeamsEndpointRouteBuilderExtensions.MapTeamsMessaging"/> maps.
    /// Needs an <see cref="LmcBot.Core.Chat.IChatBot"/> registered by the host.
    /// </summary>
    /// <param name="configuration">The root configuration; the adapter reads its <c>Teams</c> section.</param>
    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>>(provider => new TeamsOptionsValidator(
            configuration, provider.GetService<IOptions<ForwardedHeadersOptions>>()?.Value));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CommandCatalog.Default);
        services.AddMetrics();
        services.TryAddSingleton<TeamsMetrics>();

        // No client follows redirects: an allowed service URL answering 307 would otherwise have the reply posted
        // to a host nobody allowed (the token is stripped on redirect, the body is not).
        services.AddHttpClient(BotFrameworkTokenValidator.MetadataClientName).RefuseRedirects();
        services.AddHttpClient(BotTokenProvider.ClientName).RefuseRedirects();
        services.AddHttpClient(BotConnectorClient.ClientName)
            .RefuseRedirects()
            .AddResilienceHandler("lmcbot-teams-connector", AddConnectorRetries);

        services.TryAddSingleton<BotFrameworkTokenValidator>();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<BotConnectorClient>();
        services.TryAddSingleton<AnswerCardRenderer>();
        services.TryAddSingleton<TeamsActivityHandler>();
        services.TryAddSingleton<TurnRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<TurnRunner>());
        services.TryAddSingleton<TeamsMessagingEndpoint>();
        return services;
    }

    private static void AddConnectorRetries(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var metrics = context.ServiceProvider.GetRequiredService<TeamsMetrics>();
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        builder.TimeProvider = time;

        if (options.ConnectorMaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ConnectorMaxRetries,
                Delay = options.ConnectorRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    ConnectorRetryRules.ShouldRetry(args.Outcome, options.ConnectorMaxRetryAfter, time.GetUtcNow())),
                DelayGenerator = args => ValueTask.FromResult(
                    ConnectorRetryRules.RetryAfter(args.Outcome.Result, time.GetUtcNow())),
                OnRetry = args =>
                {
                    metrics.ConnectorRetried(args.Outcome.Result is { } response ? (int)response.StatusCode : null);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = ConnectorAttemptTimeout });
    }
}
