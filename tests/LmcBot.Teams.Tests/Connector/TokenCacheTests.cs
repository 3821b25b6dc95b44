using System.Net;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Connector;

public sealed class TokenCacheTests
{
    [Fact]
    public async Task Replies_Many_FetchOneTokenAndSendItToTheConnector()
    {
        await using var host = await TeamsTestHost.StartAsync();

        for (var i = 0; i < 5; i++)
            await host.PostValidAsync("personal-message.json");

        Assert.Equal(1, host.Tokens.Calls);
        Assert.Equal(5, host.Connector.Delivered.Count);
        Assert.All(host.Connector.Delivered, call => Assert.Equal("Bearer fake-token-1", call.Authorization));
    }

    [Fact]
    public async Task Replies_ConcurrentWhileTokenIsFetched_ShareOneFetch()
    {
        await using var host = await TeamsTestHost.StartAsync();
        host.Tokens.Latency = TimeSpan.FromMilliseconds(300);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => host.PostValidAsync("personal-message.json")));
        // On a busy machine some turns may outlast the acknowledgement and finish in the background.
        await host.Connector.WaitForDeliveredAsync(16);

        Assert.Equal(1, host.Tokens.Calls);
        Assert.Equal(16, host.Connector.Delivered.Count);
    }

    [Fact]
    public async Task Token_NearExpiry_IsRefreshedBeforeItExpires()
    {
        var time = new TestClock();
        await using var host = await TeamsTestHost.StartAsync(time: time);
        host.Tokens.ExpiresInSeconds = 3600;

        await host.PostValidAsync("personal-message.json");
        time.Advance(TimeSpan.FromMinutes(54));
        await host.PostValidAsync("personal-message.json");
        Assert.Equal(1, host.Tokens.Calls);

        // Within five minutes of expiry: a new token, before the old one lapses.
        time.Advance(TimeSpan.FromMinutes(1.5));
        await host.PostValidAsync("personal-message.json");

        Assert.Equal(2, host.Tokens.Calls);
        Assert.Equal("Bearer fake-token-2", host.Connector.Delivered[2].Authorization);
    }

    [Fact]
    public async Task Token_RefusedByConnector_IsDroppedAndFetchedAnew()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await host.PostValidAsync("personal-message.json");
        host.Connector.FailNext(HttpStatusCode.Unauthorized);

        await host.PostValidAsync("personal-message.json");
        await host.PostValidAsync("personal-message.json");

        Assert.Equal(2, host.Tokens.Calls);
        Assert.Equal("Bearer fake-token-2", host.Connector.Delivered[^1].Authorization);
    }

    [Fact]
    public async Task Token_SingleTenantBot_IsRequestedFromItsTenant()
    {
        await using var host = await TeamsTestHost.StartAsync(singleTenant: true);

        await host.PostValidAsync("personal-message.json");

        Assert.Equal(TeamsTestHost.TenantId, host.Tokens.Tenant);
        Assert.Equal(1, host.Tokens.Calls);
        Assert.Single(host.Connector.Delivered);
    }

    [Fact]
    public async Task Token_WrongSecret_LogsTheKeysToCheckAndSendsNothing()
    {
        await using var host = await TeamsTestHost.StartAsync(configure: s => s["Teams:AppPassword"] = "wrong");

        await host.PostValidAsync("personal-message.json");

        Assert.Empty(host.Connector.Attempts);
        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error
            && e.Message.Contains("no connector token", StringComparison.Ordinal));
    }
}
