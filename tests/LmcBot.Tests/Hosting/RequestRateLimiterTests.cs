using LmcBot.Core.Chat;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LmcBot.Tests.Hosting;

public sealed class RequestRateLimiterTests
{
    private static ChatRequest From(string user, string? scope = "g1", ChatPlatform platform = ChatPlatform.Discord) =>
        ChatRequest.Question(platform, new ChatSender(user, user), "hi") with { ScopeId = scope };

    [Fact]
    public void TryAcquire_UserOverLimit_RefusedWithWait_ThenRefills()
    {
        var time = new FakeTimeProvider();
        var limiter = new RequestRateLimiter(Options.Create(new RateLimitOptions { PerUserPerMinute = 2, PerScopePerMinute = 100 }), time);

        Assert.True(limiter.TryAcquire(From("a"), out _));
        Assert.True(limiter.TryAcquire(From("a"), out _));
        Assert.False(limiter.TryAcquire(From("a"), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        Assert.True(limiter.TryAcquire(From("b"), out _));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryAcquire(From("a"), out _));
    }

    [Fact]
    public void TryAcquire_ScopeOverLimit_RefusesEveryUserInIt_NotOtherScopesOrPlatforms()
    {
        var limiter = new RequestRateLimiter(Options.Create(new RateLimitOptions { PerUserPerMinute = 100, PerScopePerMinute = 3 }), new FakeTimeProvider());

        for (var i = 0; i < 3; i++) Assert.True(limiter.TryAcquire(From($"u{i}"), out _));

        Assert.False(limiter.TryAcquire(From("u9"), out _));
        Assert.True(limiter.TryAcquire(From("u9", scope: "g2"), out _));
        Assert.True(limiter.TryAcquire(From("u9", platform: ChatPlatform.Teams), out _));
        Assert.True(limiter.TryAcquire(From("u9", platform: ChatPlatform.Cli), out _));
    }

    [Fact]
    public void TryAcquire_RefusedByScope_DoesNotSpendTheUsersToken()
    {
        var limiter = new RequestRateLimiter(Options.Create(new RateLimitOptions { PerUserPerMinute = 1, PerScopePerMinute = 1 }), new FakeTimeProvider());

        Assert.True(limiter.TryAcquire(From("a", scope: "g1"), out _));
        Assert.False(limiter.TryAcquire(From("b", scope: "g1"), out _));

        Assert.True(limiter.TryAcquire(From("b", scope: "g2"), out _));
    }
}
