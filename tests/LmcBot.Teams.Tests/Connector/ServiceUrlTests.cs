using System.Net;
using LmcBot.Teams.Configuration;
using LmcBot.Teams.Connector;
using LmcBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LmcBot.Testing.Teams;

namespace LmcBot.Teams.Tests.Connector;

public sealed class ServiceUrlTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.TrafficManager.net/apac/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://botframework.com/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://user@smba.trafficmanager.net/amer/", false)]
    [InlineData("https://127.0.0.1/", false)]
    [InlineData("ftp://smba.trafficmanager.net/", false)]
    [InlineData("smba.trafficmanager.net/amer", false)]
    [InlineData("", false)]
    public void Allow_DefaultAllowList_AcceptsOnlyTeamsServiceHosts(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new TeamsOptions { AppId = TeamsTestHost.AppId }));

        Assert.Equal(allowed, policy.Allow(serviceUrl) is not null);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/", true)]
    [InlineData("http://localhost:56000/", true)]
    [InlineData("http://[::1]:3978/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://10.1.2.3/", false)]
    public void Allow_DevelopmentMode_AcceptsLoopbackOnly(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new TeamsOptions { AppId = "", AllowedServiceUrlHosts = ["smba.trafficmanager.net"] }));

        Assert.Equal(allowed, policy.Allow(serviceUrl) is not null);
    }

    [Fact]
    public async Task Post_ServiceUrlOutsideAllowList_Returns401AndPostsNothingThere()
    {
        // A second connector on another loopback address, not on the allow-list (127.0.0.1 is).
        await using var elsewhere = await FakeBotConnector.StartAsync("127.0.0.2");
        await using var host = await TeamsTestHost.StartAsync();
        var token = host.Issuer.CreateToken(host.TokenSpec() with { ServiceUrl = elsewhere.ServiceUrl });

        using var response = await host.PostAsync(host.Sample("personal-message.json", a => a["serviceUrl"] = elsewhere.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Recorded);
        Assert.Empty(elsewhere.Attempts);
        Assert.Empty(host.Connector.Attempts);
        Assert.Equal(0, host.Tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_ServiceUrlOutsideAllowList_MakesNoRequestAndFetchesNoToken()
    {
        await using var elsewhere = await FakeBotConnector.StartAsync("127.0.0.2");
        await using var host = await TeamsTestHost.StartAsync();
        var connector = host.Services.GetRequiredService<BotConnectorClient>();

        var result = await connector.SendAsync(new ReplyAddress(elsewhere.ServiceUrl, "a:1", null), """{"type":"message"}"""u8.ToArray(), default);

        Assert.False(result.Succeeded);
        Assert.Empty(elsewhere.Attempts);
        Assert.Equal(0, host.Tokens.Calls);
    }

    [Fact]
    public void ActivitiesUri_IdsWithReservedCharacters_AreEscapedUnderTheServicePath()
    {
        var uri = BotConnectorClient.ActivitiesUri(
            new Uri("https://smba.trafficmanager.net/amer/"),
            new ReplyAddress("https://smba.trafficmanager.net/amer/", "19:abc@thread.skype;messageid=17", "17"));

        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D17/activities/17", uri.AbsoluteUri);
    }
}
