using System.Text.Json;
using LmcBot.Core;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Teams.Connector;
using LmcBot.Testing;
using LmcBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Teams.Load;

/// <summary>
/// One host, as the real one is wired (core + <c>AddTeamsAdapter</c> + <c>MapTeamsMessaging</c>),
/// plus <c>/bare</c>: no validation, no answering, a fixed reply posted through the same
/// connector client (token cache, retries, allow-list). The difference between the two is what
/// validation, answering and rendering cost.
/// </summary>
internal sealed class BotUnderLoad : IAsyncDisposable
{
    public const string AppId = "5f0c2e1a-7b3d-4c59-9a8e-1d2f3a4b5c6d";
    public const string AppPassword = "load-client-secret";

    private static readonly byte[] FixedReply = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["type"] = "message",
        ["text"] = "A fixed reply from the bare endpoint.",
    });

    private readonly LoopbackServer _server;

    private BotUnderLoad(LoopbackServer server) => _server = server;

    /// <summary>The core's answers, timed.</summary>
    public TimedChatBot Core => _server.Services.GetRequiredService<TimedChatBot>();

    public string BaseUrl => _server.BaseUrl;

    public Uri MessagingUrl => new($"{BaseUrl}/api/messages");

    public Uri BareUrl => new($"{BaseUrl}/bare");

    public static async Task<BotUnderLoad> StartAsync(
        string repositoryRoot, string databasePath, FakeBotFrameworkIssuer issuer, FakeTokenEndpoint tokens, int answerCache)
    {
        var server = await LoopbackServer.StartAsync(
            app =>
            {
                app.MapTeamsMessaging();
                app.MapPost("/bare", BareAsync);
            },
            configure: builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Knowledge:DatabasePath"] = databasePath,
                    ["Knowledge:Folder"] = Path.Combine(repositoryRoot, "knowledge"),
                    ["Teams:Enabled"] = "true",
                    ["Teams:AppId"] = AppId,
                    ["Teams:AppPassword"] = AppPassword,
                    ["Teams:OpenIdMetadataUrl"] = issuer.OpenIdMetadataUrl,
                    ["Teams:AuthorityHost"] = tokens.AuthorityHost,
                    ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
                    // Policy limits, not capacity: with them on, the load user is refused after 20 a minute.
                    ["Knowledge:AnswerCacheSize"] = answerCache.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["RateLimits:PerUserPerMinute"] = "0",
                    ["RateLimits:PerScopePerMinute"] = "0",
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                builder.Services.AddLmcBotCore(builder.Configuration, repositoryRoot);
                // Registered last, so the adapter gets the timed bot.
                builder.Services.AddSingleton(sp => new TimedChatBot(sp.GetRequiredService<ChatBot>()));
                builder.Services.AddSingleton<IChatBot>(sp => sp.GetRequiredService<TimedChatBot>());
                builder.Services.AddTeamsAdapter(builder.Configuration);
            });
        return new BotUnderLoad(server);
    }

    private static async Task BareAsync(HttpContext context, BotConnectorClient connector)
    {
        using var activity = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = activity.RootElement;
        var address = new ReplyAddress(
            root.GetProperty("serviceUrl").GetString()!,
            root.GetProperty("conversation").GetProperty("id").GetString()!,
            root.GetProperty("id").GetString());
        await connector.SendAsync(address, FixedReply, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
