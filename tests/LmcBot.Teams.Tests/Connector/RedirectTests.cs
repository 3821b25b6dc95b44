using System.Collections.Concurrent;
using System.Net;
using LmcBot.Teams.Authentication;
using LmcBot.Teams.Connector;
using LmcBot.Teams.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LmcBot.Testing;
using LmcBot.Testing.Teams;

namespace LmcBot.Teams.Tests.Connector;

/// <summary>
/// An allowed host (127.0.0.1) that answers 307 to a host off the allow-list (127.0.0.2): no outbound client of the
/// adapter follows it, the second host receives nothing, and the refusal is a warning naming where it pointed.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _redirected = new();
    private FakeBotConnector _elsewhere = null!;
    private LoopbackServer _redirector = null!;

    public async Task InitializeAsync()
    {
        _elsewhere = await FakeBotConnector.StartAsync("127.0.0.2");
        _redirector = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            _redirected.Enqueue(context.Request.Path);
            var target = new Uri(new Uri(_elsewhere.ServiceUrl), context.Request.Path + context.Request.QueryString);
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = target.AbsoluteUri;
            return Task.CompletedTask;
        }));
    }

    public async Task DisposeAsync()
    {
        await _redirector.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task Reply_AllowedServiceUrlAnswers307_NotFollowedAndLoggedWithTheLocationHost()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var serviceUrl = _redirector.BaseUrl + "/amer/";
        var token = host.Issuer.CreateToken(host.TokenSpec() with { ServiceUrl = serviceUrl });

        using var response = await host.PostAsync(host.Sample("personal-message.json", a => a["serviceUrl"] = serviceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(_redirected);
        Assert.Empty(_elsewhere.Attempts);
        var port = new Uri(_elsewhere.ServiceUrl).Port;
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains($"redirecting to 127.0.0.2:{port}", StringComparison.Ordinal));
    }

    public static TheoryData<string> ClientNames() =>
        [BotConnectorClient.ClientName, BotTokenProvider.ClientName, BotFrameworkTokenValidator.MetadataClientName];

    [Theory]
    [MemberData(nameof(ClientNames))]
    public async Task OutboundClient_Answered307_ReturnsTheRedirectAndSendsNothingOnward(string clientName)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

        using var response = await client.PostAsync(_redirector.BaseUrl + "/v3/conversations/a/activities", new StringContent("{\"text\":\"secret\"}"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Empty(_elsewhere.Attempts);
    }
}
