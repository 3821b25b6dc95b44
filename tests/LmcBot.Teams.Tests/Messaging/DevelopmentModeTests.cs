using System.Net;
using System.Text;
using LmcBot.Teams.Messaging;
using LmcBot.Teams.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>No app id: unauthenticated, but only for loopback callers and loopback service URLs.</summary>
public sealed class DevelopmentModeTests
{
    [Fact]
    public async Task Start_WithoutAppId_LogsUnauthenticatedWarning()
    {
        await using var host = await TeamsTestHost.StartAsync(development: true);

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains("development mode", StringComparison.Ordinal)
            && e.Message.Contains("NOT authenticated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithAppId_LogsNoUnauthenticatedWarning()
    {
        await using var host = await TeamsTestHost.StartAsync();

        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("NOT authenticated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_LoopbackCallerWithoutToken_IsAnsweredWithoutBearerToken()
    {
        await using var host = await TeamsTestHost.StartAsync(development: true);

        using var response = await host.PostAsync(host.Sample("personal-message.json"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(host.Connector.Delivered);
        Assert.Equal("", reply.Authorization);
        Assert.Equal(0, host.Tokens.Calls);
    }

    [Fact]
    public async Task Post_NonLoopbackServiceUrl_Returns401()
    {
        await using var host = await TeamsTestHost.StartAsync(development: true);

        using var response = await host.PostAsync(
            host.Sample("personal-message.json", a => a["serviceUrl"] = "https://smba.trafficmanager.net/amer/"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Recorded);
    }

    [Fact]
    public async Task Handle_NonLoopbackCaller_Returns401WithoutReadingTheActivity()
    {
        await using var host = await TeamsTestHost.StartAsync(development: true);
        var endpoint = host.Services.GetRequiredService<TeamsMessagingEndpoint>();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(host.Sample("personal-message.json")));
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");

        await endpoint.HandleAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Empty(host.Recorded);
        Assert.Empty(host.Connector.Attempts);
    }
}
