using System.Net;
using System.Text.Json.Nodes;
using LmcBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LmcBot.Discord.Tests;

public sealed class DiscordRateLimiterTests
{
    private static (DiscordRateLimiter Limiter, FakeTimeProvider Time) Create()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(55));
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return (new DiscordRateLimiter(time, new DiscordMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>())), time);
    }

    [Fact]
    public async Task AcquireAsync_51stRequestInOneSecond_WaitsForTheWindow()
    {
        var (limiter, time) = Create();
        for (var i = 0; i < 50; i++)
            Assert.True(limiter.AcquireAsync("GET /x", $"/channels/{i}/messages", default).IsCompletedSuccessfully);

        var fiftyFirst = limiter.AcquireAsync("GET /x", "/channels/51/messages", default);
        Assert.False(fiftyFirst.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void AcquireAsync_InteractionAndWebhookRoutes_ExemptFromGlobalLimit()
    {
        var (limiter, _) = Create();
        for (var i = 0; i < 60; i++)
            Assert.True(limiter.AcquireAsync("POST /x", $"/interactions/{i}/tok/callback", default).IsCompletedSuccessfully);
        for (var i = 0; i < 60; i++)
            Assert.True(limiter.AcquireAsync("PATCH /y", $"/webhooks/1/tok{i}/messages/@original", default).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task OnTooManyRequestsAsync_Global429_BlocksEveryNonExemptRouteUntilRetryAfter()
    {
        var (limiter, time) = Create();
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent(new JsonObject { ["retry_after"] = 2.5, ["global"] = true }.ToJsonString()),
        };

        var wait = await limiter.OnTooManyRequestsAsync("POST /channels/1/messages", "/channels/1/messages", response, default);
        Assert.Equal(TimeSpan.FromSeconds(2.5), wait);

        var other = limiter.AcquireAsync("GET /guilds/2", "/guilds/2", default);
        Assert.True(limiter.AcquireAsync("POST /interactions", "/interactions/1/t/callback", default).IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(other.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.6));
        await other.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("/channels/1/messages/99", "POST /channels/1/messages/:id")]
    [InlineData("/guilds/5/members/7", "POST /guilds/5/members/:id")]
    [InlineData("/webhooks/1/tok/messages/@original", "POST /webhooks/1/tok/messages/@original")]
    [InlineData("/applications/1/commands", "POST /applications/:id/commands")]
    public void Key_Path_KeepsOnlyMajorParameters(string path, string expected)
    {
        Assert.Equal(expected, DiscordRoute.Key(HttpMethod.Post, path));
    }
}
