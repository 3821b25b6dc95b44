using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using LmcBot.Discord.Interactions;
using LmcBot.Discord.Rest;
using LmcBot.Discord.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>
/// An allowed host answering 307 to another loopback listener: neither the attachment download nor the REST client
/// follows it, the other listener receives nothing, and the refusal is a warning naming the Location host.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _redirected = new();
    private FakeDiscord _discord = null!;
    private FakeDiscord _elsewhere = null!;
    private WebApplication _redirector = null!;
    private Uri _redirectorOrigin = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _elsewhere = await FakeDiscord.StartAsync();
        _elsewhere.AddFile("article.md", "text/markdown", "# Moved\n\nText."u8.ToArray());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _redirector = builder.Build();
        _redirector.Run(context =>
        {
            _redirected.Enqueue(context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(_elsewhere.Origin, "/cdn/article.md").AbsoluteUri;
            return Task.CompletedTask;
        });
        await _redirector.StartAsync();
        _redirectorOrigin = new Uri(_redirector.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await _redirector.DisposeAsync();
        await _elsewhere.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task KbImportFile_AllowedHostAnswers307_UserToldDownloadFailed_RedirectNotFollowed()
    {
        var bot = new ScriptedChatBot();
        await using var host = await BotHost.StartAsync(_discord, bot,
            configure: s => s["Discord:AttachmentHosts:0"] = _redirectorOrigin.GetLeftPart(UriPartial.Authority));
        var body = Samples.Load("kb-import-file.json", ("filename", "article.md"), ("size", "15"),
            ("url", new Uri(_redirectorOrigin, "/cdn/article.md").AbsoluteUri), ("content_type", "text/markdown"));

        using var response = await host.Client.SendAsync(host.SignedPost(body));

        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
        Assert.Contains("could not download the file from Discord (HTTP 307)", data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Requests);
        Assert.Single(_redirected);
        Assert.Empty(_elsewhere.Requests);
        Assert.Contains(host.Logs.Entries, l => l.Level == LogLevel.Warning
            && l.Message.Contains($"redirecting to {_elsewhere.Origin.Authority}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KbImportFile_AllowedHostUnreachable_UserToldToRetry_NotA500()
    {
        // Found by the load tool's long fuzz run: a network failure while downloading escaped as a 500.
        var bot = new ScriptedChatBot();
        await using var host = await BotHost.StartAsync(_discord, bot, configure: s => s["Discord:AttachmentHosts:0"] = "http://127.0.0.1:9");
        var body = Samples.Load("kb-import-file.json", ("filename", "article.md"), ("size", "15"),
            ("url", "http://127.0.0.1:9/cdn/article.md"), ("content_type", "text/markdown"));

        using var response = await host.Client.SendAsync(host.SignedPost(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
        Assert.Contains("could not reach Discord to download the file", data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Requests);
        Assert.DoesNotContain(host.Logs.Entries, l => l.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData(DiscordRestClient.HttpClientName)]
    [InlineData(AttachmentFetcher.HttpClientName)]
    public async Task OutboundClient_Answered307_ReturnsTheRedirectAndSendsNothingOnward(string clientName)
    {
        await using var services = AdapterServices.Create(_discord);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

        using var response = await client.PostAsync(new Uri(_redirectorOrigin, "/api/v10/interactions/1/t/callback"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Empty(_elsewhere.Requests);
    }
}
