using System.Net;
using System.Text.Json.Nodes;
using LmcBot.Discord.Rest;
using LmcBot.Discord.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private ServiceProvider _services = null!;
    private DiscordRestClient _rest = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _services = AdapterServices.Create(_discord);
        _metrics = new MetricRecorder(_services, DiscordMetrics.MeterName);
        _rest = _services.GetRequiredService<DiscordRestClient>();
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private static JsonObject Message(string text) => new() { ["content"] = text, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };

    [Fact]
    public async Task SendAsync_ChannelMessage_BotAuthUserAgentAndJson()
    {
        var response = await _rest.SendAsync(HttpMethod.Post, "/channels/3000000000000000000/messages", Message("hi"));

        Assert.True(response.IsSuccess, response.Describe());
        var request = Assert.Single(_discord.Requests);
        Assert.Equal("Bot " + FakeDiscord.BotToken, request.Authorization);
        Assert.Equal("DiscordBot (https://github.com/lmcbot/lmcbot, 1.0)", request.UserAgent);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WebhookRoute_BotTokenNotSent()
    {
        var response = await _rest.SendAsync(HttpMethod.Patch, $"/webhooks/{FakeDiscord.ApplicationId}/tok/messages/@original", Message("hi"));

        Assert.True(response.IsSuccess, response.Describe());
        Assert.Null(Assert.Single(_discord.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_RouteRateLimited429_NextAttemptWaitsRetryAfter()
    {
        _discord.Script("POST", "/channels/", 429,
            new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 0.4, ["global"] = false },
            new Dictionary<string, string> { ["Retry-After"] = "1", ["X-RateLimit-Scope"] = "user" });

        var response = await _rest.SendAsync(HttpMethod.Post, "/channels/3000000000000000000/messages", Message("hi"));

        Assert.True(response.IsSuccess, response.Describe());
        var attempts = _discord.Requests;
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(390), $"waited {attempts[1].At - attempts[0].At}");
        Assert.True(attempts[1].At - attempts[0].At < TimeSpan.FromMilliseconds(950), "used Retry-After instead of the precise body value");
        Assert.Equal(1, _metrics.Total("lmcbot_discord_rate_limit_waits:429"));
    }

    [Fact]
    public async Task SendAsync_429WithoutJsonBody_WaitsRetryAfterHeader()
    {
        _discord.Script("POST", "/channels/", 429, null, new Dictionary<string, string> { ["Retry-After"] = "0.3" });

        var response = await _rest.SendAsync(HttpMethod.Post, "/channels/3000000000000000000/messages", Message("hi"));

        Assert.True(response.IsSuccess);
        var attempts = _discord.Requests;
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task SendAsync_BucketExhausted_NextRequestWaitsForReset()
    {
        _discord.Script("POST", "/channels/", 200, new JsonObject { ["id"] = "1" }, new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.35", ["X-RateLimit-Bucket"] = "abc",
        });

        await _rest.SendAsync(HttpMethod.Post, "/channels/3000000000000000000/messages", Message("one"));
        await _rest.SendAsync(HttpMethod.Post, "/channels/3000000000000000000/messages", Message("two"));
        await _rest.SendAsync(HttpMethod.Post, "/channels/3000000000000000001/messages", Message("other channel"));

        var attempts = _discord.Requests;
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(330), $"waited {attempts[1].At - attempts[0].At}");
        Assert.Equal(1, _metrics.Total("lmcbot_discord_rate_limit_waits:bucket"));
    }

    [Fact]
    public async Task SendAsync_ServerError_RetriedWithBackoff()
    {
        _discord.Script("POST", "/channels/", 502, new JsonObject { ["message"] = "Bad Gateway" });

        var response = await _rest.SendAsync(HttpMethod.Post, "/channels/3000000000000000000/messages", Message("hi"));

        Assert.True(response.IsSuccess, response.Describe());
        Assert.Equal(2, _discord.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_PersistentServerError_GivesUpAfterThreeRetries()
    {
        for (var i = 0; i < 5; i++)
            _discord.Script("GET", "/gateway/bot", 500, new JsonObject { ["message"] = "boom" });

        var response = await _rest.SendAsync(HttpMethod.Get, "/gateway/bot");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, _discord.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ClientError_NotRetriedAndReturnedAsValue()
    {
        _discord.Script("POST", "/interactions/", 400, new JsonObject { ["code"] = 40060, ["message"] = "Interaction has already been acknowledged." });

        var response = await _rest.SendAsync(HttpMethod.Post, "/interactions/1/tok/callback", new JsonObject { ["type"] = 1 });

        Assert.False(response.IsSuccess);
        Assert.Equal(40060, response.ErrorCode);
        Assert.Single(_discord.Requests);
    }
}
