using System.Text.Json.Nodes;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>
/// "Did you mean" on Teams against the fake connector, with the core composed as the host composes it (conversations
/// on): an ambiguous question is answered with a card whose first actions are the choices, and the data of one
/// submitted back answers that choice's question.
/// </summary>
public sealed class ChoicesEndToEndTests : IDisposable
{
    private readonly ConversingBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task AmbiguousQuestion_CardOffersChoices_AndSubmittingOneAnswersTheChosenStation()
    {
        // The first answer loads the sentence model; a loaded machine must not run the turn past its acknowledgement.
        await _bot.SendAsync("Kunming station", user: "warm-up", place: "warm-up");
        await using var host = await TeamsTestHost.StartAsync(_bot.Bot);

        await host.PostValidAsync("personal-message.json", a => a["text"] = "Kunming station");

        var offer = Assert.Single(host.Connector.Delivered);
        Assert.Contains(offer.CardTexts(), t => t.Contains("Did you mean", StringComparison.Ordinal));
        var actions = offer.Card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Kunming South Railway Station", "Wangjiaying West Railway Station"],
            actions.Take(2).Select(a => a.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
        var chosen = actions[1];
        Assert.StartsWith("choose token:", chosen.GetProperty("data").GetProperty("cmd").GetString(), StringComparison.Ordinal);

        // Teams posts the action's data back as the activity's value.
        await host.PostValidAsync("card-submit.json", a => a["value"] = JsonNode.Parse(chosen.GetProperty("data").GetRawText()));

        Assert.Equal(2, host.Connector.Delivered.Count);
        var station = chosen.GetProperty("title").GetString()!.Replace(" Railway Station", "", StringComparison.Ordinal);
        var texts = host.Connector.Delivered[1].CardTexts().ToList();
        Assert.Contains(texts, t => t.Contains(station, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Did you mean", StringComparison.Ordinal));
    }
}
