using System.Net;
using System.Text.Json.Nodes;
using LmcBot.Discord.Security;
using LmcBot.Discord.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>A validly signed interaction delivered twice within the timestamp window is answered once.</summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private readonly ScriptedChatBot _bot = new();
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Post_SameSignedInteractionTwice_SecondIs400_AndTheBotIsAskedOnce()
    {
        await using var host = await BotHost.StartAsync(_discord, _bot);
        var body = Samples.Load("ask-guild.json");
        var now = host.Timestamp();

        using var first = await host.Client.SendAsync(host.SignedPost(body, now));
        using var replay = await host.Client.SendAsync(host.SignedPost(body, now));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already received", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_bot.Requests);
    }

    [Fact]
    public async Task Post_PingTwice_BothPong()
    {
        await using var host = await BotHost.StartAsync(_discord, _bot);
        var now = host.Timestamp();

        using var first = await host.Client.SendAsync(host.SignedPost(Samples.Load("ping.json"), now));
        using var second = await host.Client.SendAsync(host.SignedPost(Samples.Load("ping.json"), now));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Gateway_SameInteractionCreateTwice_AnsweredOnce()
    {
        await using var host = await BotHost.StartAsync(_discord, _bot, "Gateway", time: TimeProvider.System);
        await Eventually.TrueAsync(() => host.Services.GetRequiredService<LmcBot.Discord.Gateway.DiscordGatewayStatus>().IsConnected, "READY");
        var interaction = JsonNode.Parse(Samples.Load("interaction-create-ask.json"))!;

        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", JsonNode.Parse(Samples.Load("interaction-create-ask.json")
            .Replace("1100000000000000010", "1100000000000000011", StringComparison.Ordinal).Replace("gateway-token-1", "gateway-token-2", StringComparison.Ordinal))!);

        await _discord.WaitForAsync(r => r.Path.EndsWith("/gateway-token-1/callback", StringComparison.Ordinal));
        await _discord.WaitForAsync(r => r.Path.EndsWith("/gateway-token-2/callback", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => host.Logs.Entries.Any(l => l.Message.Contains("1100000000000000010: it was already received", StringComparison.Ordinal)),
            "the replay refused");
        Assert.Equal(2, _bot.Requests.Count);
        Assert.Single(_discord.Requests, r => r.Path.EndsWith("/gateway-token-1/callback", StringComparison.Ordinal));
    }

    [Fact]
    public void Guard_ForgetsAnIdAfterTwiceTheWindow_AndTheOldestFirstWhenFull()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        using var services = AdapterServices.Create(_discord, time: time, configure: s =>
        {
            s["Discord:TimestampWindow"] = "00:05:00";
            s["Discord:RememberedInteractionIds"] = "2";
        });
        var guard = services.GetRequiredService<InteractionReplayGuard>();

        Assert.True(guard.TryAccept("a"));
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(guard.TryAccept("a"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(guard.TryAccept("a"));

        Assert.True(guard.TryAccept("b"));
        Assert.True(guard.TryAccept("c")); // full: "a" is forgotten early
        Assert.False(guard.TryAccept("c"));
        Assert.True(guard.TryAccept("a"));
    }
}
