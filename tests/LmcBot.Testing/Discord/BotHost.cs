using LmcBot.Core.Chat;
using LmcBot.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LmcBot.Testing.Discord;

/// <summary>
/// The adapter hosted as the real host will host it: a WebApplication on 127.0.0.1:0 with
/// <c>AddDiscordAdapter</c> and <c>MapDiscordInteractions</c>, configured to talk to a <see cref="FakeDiscord"/>.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string InteractionsPath = "/discord/interactions";

    private BotHost(WebApplication app, HttpClient client, ListLoggerProvider logs)
    {
        App = app;
        Client = client;
        Logs = logs;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ListLoggerProvider Logs { get; }

    public IServiceProvider Services => App.Services;

    public static Dictionary<string, string?> Settings(FakeDiscord discord, string mode) => new()
    {
        ["Discord:Mode"] = mode,
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:PublicKey"] = InteractionSigner.PublicKeyHex,
        ["Discord:BotToken"] = FakeDiscord.BotToken,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        ["Discord:InteractionsPath"] = InteractionsPath,
        ["Discord:AttachmentHosts:0"] = discord.Origin.GetLeftPart(UriPartial.Authority),
        ["Discord:RestRetryDelay"] = "00:00:00.050",
        ["Discord:GatewayReconnectDelay"] = "00:00:00.050",
        // The real default: answers from the real knowledge base may take a while on a loaded CI machine.
        ["Discord:DeferAfter"] = "00:00:02",
    };

    /// <summary>Builds and starts the host; <paramref name="beforeStart"/> sees the services before hosted services start.</summary>
    public static async Task<BotHost> StartAsync(FakeDiscord discord, IChatBot bot, string mode = "Http",
        Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null, Action<IServiceProvider>? beforeStart = null)
    {
        var settings = Settings(discord, mode);
        configure?.Invoke(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        if (time is not null)
            builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(bot);
        builder.Services.AddDiscordAdapter(builder.Configuration);

        var app = builder.Build();
        app.MapDiscordInteractions();
        beforeStart?.Invoke(app.Services);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(20) };
        return new BotHost(app, client, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
