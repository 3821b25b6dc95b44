using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LmcBot.Core.Chat;
using LmcBot.Teams.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LmcBot.Testing;
using LmcBot.Testing.Teams;

namespace LmcBot.Teams.Tests.Support;

/// <summary>
/// The bot as the host runs it (<c>AddTeamsAdapter</c> + <c>MapTeamsMessaging</c> on Kestrel,
/// loopback, port 0) wired to the fake issuer, token endpoint and connector. Unless a test brings
/// its own, the bot is the core's real one over the repository's knowledge (<see cref="TestBot.Shared"/>).
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    public const string AppId = "5f0c2e1a-7b3d-4c59-9a8e-1d2f3a4b5c6d";
    public const string AppPassword = "test-client-secret";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:" + AppId;

    private LoopbackServer _server = null!;

    private TeamsTestHost(IChatBot bot, TimeProvider time) => (Bot, Time) = (bot, time);

    public IChatBot Bot { get; }

    /// <summary>The requests the adapter made of the default bot.</summary>
    public IReadOnlyList<ChatRequest> Recorded => ((RecordingChatBot)Bot).Requests;

    /// <summary>The host's clock: the token validator and <see cref="TokenSpec"/> read it.</summary>
    public TimeProvider Time { get; }

    public FakeBotFrameworkIssuer Issuer { get; private set; } = null!;

    public FakeBotConnector Connector { get; private set; } = null!;

    public FakeTokenEndpoint Tokens { get; private set; } = null!;

    public ListLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; } = new();

    public Uri MessagingUrl { get; private set; } = null!;

    public IServiceProvider Services => _server.Services;

    /// <param name="bot">The bot behind the adapter; default: the real core bot, recorded (<see cref="Recorded"/>).</param>
    /// <param name="configure">Changes to the <c>Teams:*</c> settings the host starts with.</param>
    /// <param name="development">No app id: the unauthenticated, loopback-only development mode.</param>
    /// <param name="time">
    /// The host's clock, which tokens are stamped from and checked against; default a new <see cref="TestClock"/>,
    /// which fires no timer (typing, acknowledgement, retry delays) until the test advances it.
    /// </param>
    /// <param name="singleTenant">A single-tenant bot in <see cref="TenantId"/>.</param>
    public static async Task<TeamsTestHost> StartAsync(
        IChatBot? bot = null,
        Action<Dictionary<string, string?>>? configure = null,
        TimeProvider? time = null,
        bool development = false,
        bool singleTenant = false)
    {
        var host = new TeamsTestHost(bot ?? new RecordingChatBot(TestBot.Shared), time ?? new TestClock());
        host.Issuer = await FakeBotFrameworkIssuer.StartAsync();
        host.Connector = await FakeBotConnector.StartAsync();
        host.Tokens = await FakeTokenEndpoint.StartAsync(AppId, AppPassword, singleTenant ? TenantId : "botframework.com");
        if (!development)
            host.Connector.AcceptToken = host.Tokens.Issued;

        var settings = new Dictionary<string, string?>
        {
            ["Teams:Enabled"] = "true",
            ["Teams:AppId"] = development ? "" : AppId,
            ["Teams:AppPassword"] = development ? "" : AppPassword,
            ["Teams:OpenIdMetadataUrl"] = host.Issuer.OpenIdMetadataUrl,
            ["Teams:AuthorityHost"] = host.Tokens.AuthorityHost,
            ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:ConnectorRetryDelay"] = "00:00:00.050",
            // Tests read the connector as soon as the POST returns: give slow CI machines the most
            // time the options allow before a turn is left to finish in the background.
            ["Teams:AcknowledgeTimeout"] = "00:00:14",
        };
        if (singleTenant)
        {
            settings["Teams:AppType"] = "SingleTenant";
            settings["Teams:TenantId"] = TenantId;
            settings["Teams:EntraOpenIdMetadataUrl"] = host.Issuer.EntraMetadataUrl(TenantId);
        }
        configure?.Invoke(settings);

        host._server = await LoopbackServer.StartAsync(app => app.MapTeamsMessaging(), configure: builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddProvider(host.Logs);
            builder.Services.AddSingleton(host.Bot);
            builder.Services.AddSingleton(host.Time);
            builder.Services.AddTeamsAdapter(builder.Configuration);
        });
        var path = settings.TryGetValue("Teams:MessagingPath", out var custom) && custom is not null ? custom : "/api/messages";
        host.MessagingUrl = new Uri(host._server.BaseUrl + path);
        return host;
    }

    /// <summary>A token the channel would send for an activity at the fake connector's service URL.</summary>
    public TokenSpec TokenSpec() => new(AppId, Connector.ServiceUrl, Time.GetUtcNow());

    public string ValidToken() => Issuer.CreateToken(TokenSpec());

    /// <summary>A recorded sample from Samples/, addressed to this host's connector and bot, optionally edited.</summary>
    public string Sample(string name, Action<JsonObject>? edit = null)
    {
        var text = ActivitySamples.Load(name, Connector.ServiceUrl, AppId);
        if (edit is null)
            return text;
        var node = JsonNode.Parse(text)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>POSTs an activity as the channel does; <paramref name="token"/> null sends no Authorization.</summary>
    public Task<HttpResponseMessage> PostAsync(string activityJson, string? token) =>
        PostAsync(Encoding.UTF8.GetBytes(activityJson), token);

    /// <summary>POSTs exactly these bytes (which need not be valid UTF-8) as an activity.</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] activityJson, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagingUrl)
        {
            Content = new ByteArrayContent(activityJson) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    /// <summary>POSTs a sample with a valid token and expects 200.</summary>
    public async Task PostValidAsync(string sampleName, Action<JsonObject>? edit = null)
    {
        using var response = await PostAsync(Sample(sampleName, edit), ValidToken());
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Expected 200, got {(int)response.StatusCode}. Log:\n{string.Join("\n", Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
