using LmcBot.Core.Http;
using LmcBot.Core.Commands;
using LmcBot.Discord.Commands;
using LmcBot.Discord.Configuration;
using LmcBot.Discord.Gateway;
using LmcBot.Discord.Interactions;
using LmcBot.Discord.Rendering;
using LmcBot.Discord.Rest;
using LmcBot.Discord.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace LmcBot.Discord;

/// <summary>Registers the Discord adapter. The host must also register an <see cref="Core.Chat.IChatBot"/>.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="DiscordOptions"/> from the <c>Discord</c> section (at start-up), and registers the
    /// REST client, the interaction dispatcher, the command registrar, <see cref="DiscordGatewayStatus"/> and
    /// <see cref="DiscordMetrics"/>; the gateway hosted service only for Discord:Mode Gateway or Both.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>>(
            new DiscordOptionsValidator(configuration));

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.TryAddSingleton(CommandCatalog.Default);
        services.TryAddSingleton<DiscordGatewayStatus>();
        services.TryAddSingleton<FollowUpIdCodec>();
        services.TryAddSingleton<AnswerRenderer>();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordCommandBuilder>();
        services.TryAddSingleton<DiscordCommandRegistrar>();
        services.TryAddSingleton<AttachmentFetcher>();
        services.TryAddSingleton<InteractionReplayGuard>();
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<InteractionResponder>();
        services.TryAddSingleton<PendingInteractions>();
        // Before the gateway's hosted service, so it stops after it: pending answers are awaited once no new event can arrive.
        services.AddHostedService(sp => sp.GetRequiredService<PendingInteractions>());
        services.TryAddSingleton<InteractionEndpoint>();
        services.TryAddSingleton<GatewayEventHandler>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new DiscordSignatureVerifier(settings.PublicKey ?? string.Empty, settings.TimestampWindow,
                sp.GetRequiredService<TimeProvider>());
        });

        services.AddTransient<DiscordRateLimitHandler>();
        var rest = services.AddHttpClient(DiscordRestClient.HttpClientName);
        // Order matters: the 5xx retry is outermost, so every attempt passes the rate limiter beneath it.
        rest.AddResilienceHandler("discord-5xx", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RestRetryDelay,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is HttpRequestException
                        || (args.Outcome.Result is { } response && (int)response.StatusCode >= 500)),
                });
            });
        rest.AddHttpMessageHandler<DiscordRateLimitHandler>();
        rest.RefuseRedirects();

        // Attachments: no redirects (a redirect could leave Discord's host), a short timeout.
        services.AddHttpClient(AttachmentFetcher.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .RefuseRedirects();

        var mode = section.GetValue<DiscordMode?>(nameof(DiscordOptions.Mode)) ?? DiscordMode.Off;
        if (mode is DiscordMode.Gateway or DiscordMode.Both)
            services.AddHostedService<DiscordGatewayHostedService>();
        return services;
    }
}
