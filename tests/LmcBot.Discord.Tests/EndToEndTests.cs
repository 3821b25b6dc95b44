using System.Text.Json.Nodes;
using LmcBot.Discord.Commands;
using LmcBot.Discord.Gateway;
using LmcBot.Discord.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>
/// The adapter over the real core bot (<see cref="TestBot.Shared"/>, a LiteDB built from the repository's knowledge/):
/// what a Discord user would see for real questions, over HTTP and the gateway, against the fake Discord.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private BotHost? _host;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private static string Ask(string question) =>
        Samples.Load("ask-guild.json").Replace("When was the LMC established?", question, StringComparison.Ordinal);

    private async Task<JsonObject> PostAsync(string body)
    {
        _host ??= await BotHost.StartAsync(_discord, TestBot.Shared);
        return await _host.PostInteractionAsync(body);
    }

    private static void AssertStarExpressAnswer(JsonNode message)
    {
        var embed = message["embeds"]![0]!;
        Assert.Contains("The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang",
            embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(embed["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>().StartsWith("Source", StringComparison.Ordinal)
            && f["value"]!.GetValue<string>().Contains("connects Kunming to Vientiane via Luang Prabang", StringComparison.Ordinal));
        Assert.Contains("China and the Mekong countries deepen cooperation under the LMC framework",
            embed["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", message["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task Post_SignedAskOverRealKnowledge_EmbedWithAnswerCitationAndFollowUps()
    {
        var json = await PostAsync(Ask("starexpress stops"));

        Assert.Equal(4, json["type"]!.GetValue<int>());
        AssertStarExpressAnswer(json["data"]!);
        var buttons = json["data"]!["components"]![0]!["components"]!.AsArray();
        Assert.InRange(buttons.Count, 1, 3);
        Assert.Contains(buttons, b => b!["label"]!.GetValue<string>() == "Tell me about Kunming");
    }

    [Fact]
    public async Task Post_FollowUpButtonOverRealKnowledge_AnswersItsInput()
    {
        var first = await PostAsync(Ask("starexpress stops"));
        var button = first["data"]!["components"]![0]!["components"]!.AsArray()
            .Single(b => b!["label"]!.GetValue<string>() == "Tell me about Kunming");

        var click = await PostAsync(Samples.Load("component-followup.json", ("custom_id", button!["custom_id"]!.GetValue<string>())));

        Assert.Equal(4, click["type"]!.GetValue<int>());
        Assert.Contains("Kunming", click["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AutocompleteOverRealKnowledge_AtMost25RelevantNames()
    {
        var some = await PostAsync(Samples.Load("autocomplete-citypairs.json"));
        var all = await PostAsync(Samples.Load("autocomplete-empty.json"));

        Assert.Equal(["Chiang Mai", "Chiang Rai"], some["data"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        var names = all["data"]!["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.InRange(names.Count, 10, 25);
        Assert.Contains("Kunming", names);
    }

    private const string AdminRefusal = "Only admins";

    [Fact]
    public async Task Post_KbCommandFromNonManager_RefusedEphemerally()
    {
        var json = await PostAsync(Samples.Load("kb-list-no-manage.json"));

        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        Assert.Contains(AdminRefusal, json["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_KbCommandFromAdministratorAbove2Pow53_NotRefusedAsNonAdmin()
    {
        var json = await PostAsync(Samples.Load("kb-list-no-manage.json")
            .Replace("\"permissions\":\"18014398509481984\"", "\"permissions\":\"18014398509481992\"", StringComparison.Ordinal)); // 2^54 + ADMINISTRATOR

        Assert.DoesNotContain(AdminRefusal, json["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_DropMidSession_ResumesAndAnswersNextInteractionFromKnowledge()
    {
        _host = await BotHost.StartAsync(_discord, TestBot.Shared, "Gateway", time: TimeProvider.System);
        var status = _host.Services.GetRequiredService<DiscordGatewayStatus>();
        await Eventually.TrueAsync(() => status.IsConnected, "gateway READY");

        _discord.Gateway.Current!.Abort();
        await _discord.Gateway.WaitForFrameAsync((c, f) => c == 1 && FakeGateway.IsOp(f, 6));
        await Eventually.TrueAsync(() => status.IsConnected, "gateway READY");
        var interaction = JsonNode.Parse(Samples.Load("interaction-create-ask.json")
            .Replace("When was the LMC established?", "starexpress stops", StringComparison.Ordinal))!;
        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);

        var callback = await _discord.WaitForAsync(r => r.Path.EndsWith("/gateway-token-1/callback", StringComparison.Ordinal));
        AssertStarExpressAnswer(callback.Json()!["data"]!);
    }

    [Fact]
    public async Task Gateway_MentionOverRealKnowledge_ReplyWithAnswerAndNoPings()
    {
        _host = await BotHost.StartAsync(_discord, TestBot.Shared, "Gateway", time: TimeProvider.System);
        var status = _host.Services.GetRequiredService<DiscordGatewayStatus>();
        await Eventually.TrueAsync(() => status.IsConnected, "gateway READY");
        var message = JsonNode.Parse(Samples.Load("message-create-mention.json")
            .Replace("when was the LMC established? cc <@4000000000000000001>", "starexpress stops", StringComparison.Ordinal))!;

        await _discord.Gateway.DispatchAsync("MESSAGE_CREATE", message);

        var reply = (await _discord.WaitForAsync(r => r.Path == "/channels/3000000000000000000/messages")).Json()!;
        Assert.Equal("""{"parse":[],"replied_user":false}""", reply["allowed_mentions"]!.ToJsonString());
        Assert.Contains("StarExpress", reply["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_BareMentionOverRealKnowledge_TheCoresHelp()
    {
        _host = await BotHost.StartAsync(_discord, TestBot.Shared, "Gateway", time: TimeProvider.System);
        var status = _host.Services.GetRequiredService<DiscordGatewayStatus>();
        await Eventually.TrueAsync(() => status.IsConnected, "gateway READY");
        var message = JsonNode.Parse(Samples.Load("message-create-mention.json")
            .Replace("when was the LMC established? cc <@4000000000000000001>", "", StringComparison.Ordinal))!;

        await _discord.Gateway.DispatchAsync("MESSAGE_CREATE", message);

        // The adapter passes the empty text on; the core decides that it asks for help (Teams: ChannelMentionTests).
        var reply = (await _discord.WaitForAsync(r => r.Path == "/channels/3000000000000000000/messages")).Json()!;
        Assert.Equal("LmcBot help", reply["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_OverRealKnowledge_ChoicesFromTheKnowledgeBase()
    {
        await using var services = AdapterServices.Create(_discord, TestBot.Shared);
        var output = new StringWriter();

        var code = await services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync("2000000000000000000", output, default);

        Assert.Equal(0, code);
        var commands = _discord.Commands("2000000000000000000")!;
        var country = commands.Single(c => c!["name"]!.GetValue<string>() == "investors")!["options"]![0]!;
        Assert.Equal(["Cambodia", "China", "Laos", "Myanmar", "Thailand", "Vietnam"], country["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        var kinds = commands.Single(c => c!["name"]!.GetValue<string>() == "kb")!["options"]!.AsArray()
            .Single(o => o!["name"]!.GetValue<string>() == "list")!["options"]![0]!;
        Assert.Contains(kinds["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == "citypair");
    }
}
