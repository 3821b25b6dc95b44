using System.Text.Json.Nodes;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>
/// "Did you mean" on Discord over HTTP interactions against the fake Discord, with the core composed as the host
/// composes it (conversations on): an ambiguous /ask replies with a first row of choice buttons, and a click on one
/// answers that choice's question.
/// </summary>
public sealed class ChoicesEndToEndTests : IAsyncLifetime
{
    private readonly ConversingBot _bot = new();
    private FakeDiscord _discord = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        // The first answer loads the sentence model; a loaded machine must not make the reply a deferred one.
        await _bot.SendAsync("Kunming station", user: "warm-up", place: "warm-up");
        _discord = await FakeDiscord.StartAsync();
        _host = await BotHost.StartAsync(_discord, _bot.Bot);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
        _bot.Dispose();
    }

    private Task<JsonObject> PostAsync(string body) => _host.PostInteractionAsync(body);

    [Fact]
    public async Task AmbiguousAsk_OffersChoiceButtons_AndAClickAnswersTheChosenStation()
    {
        var ask = await PostAsync(Samples.Load("ask-guild.json").Replace("When was the LMC established?", "Kunming station", StringComparison.Ordinal));

        Assert.Equal(4, ask["type"]!.GetValue<int>());
        var firstRow = ask["data"]!["components"]![0]!["components"]!.AsArray();
        Assert.Equal(["Kunming South Railway Station", "Wangjiaying West Railway Station"],
            firstRow.Select(b => b!["label"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(firstRow, b => Assert.Equal(1, b!["style"]!.GetValue<int>())); // Primary: the reply is the question
        Assert.Contains("Did you mean", ask["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var button = firstRow[0]!;
        var click = await PostAsync(Samples.Load("component-followup.json", ("custom_id", button["custom_id"]!.GetValue<string>())));

        Assert.Equal(4, click["type"]!.GetValue<int>());
        var station = button["label"]!.GetValue<string>().Replace(" Railway Station", "", StringComparison.Ordinal);
        var answer = click["data"]!["embeds"]![0]!;
        Assert.Contains(station, answer["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", answer["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(answer["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>().StartsWith("Source", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgedChoiceButton_IsRefusedPrivately()
    {
        var click = await PostAsync(Samples.Load("component-followup.json", ("custom_id", "q:choose token:AAAAAAAAAAAA.AAAAAAAAAAAA")));

        Assert.Equal(4, click["type"]!.GetValue<int>());
        Assert.Equal(64, click["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("expired", click["data"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
