using System.Globalization;
using System.Text.Json.Nodes;
using LmcBot.Discord.Gateway;
using LmcBot.Testing;
using LmcBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Discord.Tests;

/// <summary>
/// Conversations as a Discord user has them, over the real core bot with conversations on (as the host runs it): signed
/// interactions over HTTP and messages over the gateway, against the fake Discord.
/// </summary>
public sealed class ConversationEndToEndTests : IAsyncLifetime
{
    private const string Alice = "4000000000000000000", Bob = "4000000000000000002";
    private readonly ConversingBot _holder = new();
    private FakeDiscord _discord = null!;
    private BotHost? _host;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await _discord.DisposeAsync();
        _holder.Dispose();
    }

    private static int _interactions;

    /// <summary>An /ask interaction from <paramref name="user"/>, with an id of its own (the endpoint refuses a replayed id).</summary>
    private static string Ask(string question, string user = Alice) =>
        Samples.Load("ask-guild.json")
            .Replace("1100000000000000001", (1100000000000000100 + Interlocked.Increment(ref _interactions)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("When was the LMC established?", question, StringComparison.Ordinal)
            .Replace("\"id\": \"" + Alice + "\"", "\"id\": \"" + user + "\"", StringComparison.Ordinal);

    private async Task<JsonObject> PostAsync(string body)
    {
        _host ??= await BotHost.StartAsync(_discord, _holder.Bot);
        return await _host.PostInteractionAsync(body);
    }

    private static string Description(JsonObject reply) => reply["data"]!["embeds"]?[0]?["description"]?.GetValue<string>()
        ?? reply["data"]!["content"]!.GetValue<string>();

    [Fact]
    public async Task Http_AThreeTurnConversation_AnswersTheFollowUpsFromContext_AndTwoUsersDoNotShareIt()
    {
        var first = Description(await PostAsync(Ask("How long is the China-Laos Railway?")));
        Description(await PostAsync(Ask("Which Chinese EV makers invest in Thailand?", Bob)));
        var second = Description(await PostAsync(Ask("when did it open?")));
        var third = Description(await PostAsync(Ask("and how many passengers in 2024?")));
        var bobs = Description(await PostAsync(Ask("when did it open?", Bob)));

        Assert.Contains("1,035", first, StringComparison.Ordinal);
        Assert.StartsWith("China-Laos Railway: ", second, StringComparison.Ordinal);
        Assert.Contains("3 December 2021", second, StringComparison.Ordinal);
        Assert.StartsWith("China-Laos Railway, 2024: ", third, StringComparison.Ordinal);
        Assert.DoesNotContain("3 December 2021", bobs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q:choose token:AAAAAAAAAAAA.BBBBBBBBBBBB")]
    [InlineData("q:feedback token:AAAAAAAAAAAA.BBBBBBBBBBBB vote:wrong")]
    [InlineData("q:choose token:not-a-token")]
    public async Task Http_AForgedChoiceOrVote_IsRefusedPolitely_OnlyToTheClicker(string customId)
    {
        var reply = await PostAsync(Samples.Load("component-followup.json", ("custom_id", customId)));

        Assert.Equal(4, reply["type"]!.GetValue<int>());
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("That choice has expired", reply["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_MentionsFromTwoUsers_EachFollowUpReadAgainstItsOwnUser()
    {
        _host = await BotHost.StartAsync(_discord, _holder.Bot, "Gateway");
        var status = _host.Services.GetRequiredService<DiscordGatewayStatus>();
        await Eventually.TrueAsync(() => status.IsConnected, "gateway READY");

        async Task<string> MentionAsync(string text, string user, int replies)
        {
            var message = JsonNode.Parse(Samples.Load("message-create-mention.json")
                .Replace("when was the LMC established? cc <@4000000000000000001>", text, StringComparison.Ordinal)
                .Replace("\"id\":\"" + Alice + "\"", "\"id\":\"" + user + "\"", StringComparison.Ordinal))!;
            await _discord.Gateway.DispatchAsync("MESSAGE_CREATE", message);
            await Eventually.TrueAsync(() => _discord.Requests.Count(r => r.Path == "/channels/3000000000000000000/messages") >= replies, $"reply {replies}");
            var reply = _discord.Requests.Where(r => r.Path == "/channels/3000000000000000000/messages").ElementAt(replies - 1).Json()!;
            return reply["embeds"]?[0]?["description"]?.GetValue<string>() ?? reply["content"]!.GetValue<string>();
        }

        await MentionAsync("How long is the China-Laos Railway?", Alice, 1);
        await MentionAsync("Which Chinese EV makers invest in Thailand?", Bob, 2);
        var alice = await MentionAsync("when did it open?", Alice, 3);
        var bob = await MentionAsync("when did it open?", Bob, 4);

        Assert.StartsWith("China-Laos Railway: ", alice, StringComparison.Ordinal);
        Assert.Contains("3 December 2021", alice, StringComparison.Ordinal);
        Assert.DoesNotContain("3 December 2021", bob, StringComparison.Ordinal);
    }
}
