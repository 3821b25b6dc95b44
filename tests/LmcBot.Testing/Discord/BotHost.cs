using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
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
/// Its clock is a <see cref="TestClock"/> unless a test brings its own, so a signature stamped from <see cref="Time"/>
/// is exactly as old as the test says when the adapter checks it.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string InteractionsPath = "/discord/interactions";

    private BotHost(WebApplication app, HttpClient client, ListLoggerProvider logs, TimeProvider time)
    {
        App = app;
        Client = client;
        Logs = logs;
        Time = time;
    }

    public WebApplication App { get; }

    /// <summary>The host's clock: the one the signature check and the replay guard read.</summary>
    public TimeProvider Time { get; }

    /// <summary>An <c>X-Signature-Timestamp</c> (Unix seconds) <paramref name="offsetSeconds"/> from the host clock's now.</summary>
    public string Timestamp(int offsetSeconds = 0) =>
        (Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>A POST of <paramref name="body"/> to the interactions path, signed with <paramref name="timestamp"/> (default: now on the host's clock).</summary>
    public HttpRequestMessage SignedPost(string body, string? timestamp = null, string? signature = null) =>
        InteractionSigner.SignedPost(InteractionsPath, body, timestamp ?? Timestamp(), signature);

    /// <summary>The same for raw bytes, which need not be valid UTF-8.</summary>
    public HttpRequestMessage SignedPost(byte[] body, string? timestamp = null, string? signature = null) =>
        InteractionSigner.SignedPost(InteractionsPath, body, timestamp ?? Timestamp(), signature);

    /// <summary>Signs and posts an interaction on the host's clock; its 200 reply as JSON (another status fails the test, showing the body).</summary>
    public async Task<JsonObject> PostInteractionAsync(string body)
    {
        using var response = await Client.SendAsync(SignedPost(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

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
    /// <param name="time">
    /// The host's clock; default a new <see cref="TestClock"/>, which fires no timer until advanced. A test of the
    /// gateway's heartbeats and reconnects passes <see cref="TimeProvider.System"/>.
    /// </param>
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
        time ??= new TestClock();
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(bot);
        builder.Services.AddDiscordAdapter(builder.Configuration);

        var app = builder.Build();
        app.MapDiscordInteractions();
        beforeStart?.Invoke(app.Services);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(20) };
        return new BotHost(app, client, logs, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
