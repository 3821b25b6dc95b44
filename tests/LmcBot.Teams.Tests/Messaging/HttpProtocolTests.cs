using System.Net;
using System.Text;
using LmcBot.Teams.Tests.Support;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>Status codes of the messaging endpoint, docs/PROTOCOLS.md B.3.</summary>
public sealed class HttpProtocolTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Request_NotPost_Returns405WithAllowPost(string method)
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), host.MessagingUrl));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"text":"hello","serviceUrl":"x"}""")]
    [InlineData("""{"type":"","text":"hello"}""")]
    public async Task Post_BadJsonOrNoType_Returns400(string body)
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync(body, host.ValidToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task Post_BadJsonWithoutToken_Returns401BeforeParsing()
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync("{not json", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_MessageWithoutConversation_Returns400()
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync(host.Sample("personal-message.json", a => a.Remove("conversation")), host.ValidToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyLargerThanLimit_Returns413()
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync(host.Sample("personal-message.json", a => a["text"] = new string('x', 300 * 1024)), host.ValidToken());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task Post_ChunkedBodyLargerThanLimit_Returns413()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var body = Encoding.UTF8.GetBytes(host.Sample("personal-message.json", a => a["text"] = new string('x', 300 * 1024)));
        using var request = new HttpRequestMessage(HttpMethod.Post, host.MessagingUrl)
        {
            // A stream of unknown length goes out chunked, without Content-Length.
            Content = new StreamContent(new UnseekableStream(body)),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.ValidToken());

        using var response = await host.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndSendsNothing()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("message-reaction.json");

        Assert.Empty(host.Recorded);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task Invoke_HealthCheck_Returns200WithJsonBody()
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync(host.Sample("invoke-healthcheck.json"), host.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("healthResults").GetProperty("success").GetBoolean());
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task Invoke_UnknownName_Returns501()
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync(host.Sample("invoke-unknown.json"), host.ValidToken());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(host.Recorded);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task Invoke_WithoutToken_Returns401()
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync(host.Sample("invoke-healthcheck.json"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MessagingPath_Configured_IsWhereTheEndpointListens()
    {
        await using var host = await TeamsTestHost.StartAsync(configure: s => s["Teams:MessagingPath"] = "/bots/teams");

        using var response = await host.PostAsync(host.Sample("personal-message.json"), host.ValidToken());

        Assert.EndsWith("/bots/teams", host.MessagingUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Connector.Delivered);
    }

    [Fact]
    public async Task MessagingEndpoint_TeamsDisabled_IsNotMapped()
    {
        await using var host = await TeamsTestHost.StartAsync(configure: s => s["Teams:Enabled"] = "false");

        using var response = await host.PostAsync(host.Sample("personal-message.json"), host.ValidToken());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
