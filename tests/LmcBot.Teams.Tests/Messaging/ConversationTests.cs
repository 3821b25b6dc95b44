using System.Text.Json.Nodes;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>Conversations in Teams over the real core bot with conversations on, against the fake connector.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly ConversingBot _holder = new();

    public void Dispose() => _holder.Dispose();

    private static Action<JsonObject> From(string text, string user) => activity =>
    {
        activity["text"] = text;
        activity["from"]!["id"] = user;
        activity["id"] = Guid.NewGuid().ToString("N");
    };

    [Fact]
    public async Task AThreeTurnConversation_AnswersTheFollowUps_AndASecondSenderDoesNotShareTheContext()
    {
        await using var host = await TeamsTestHost.StartAsync(_holder.Bot);

        await host.PostValidAsync("personal-message.json", From("How long is the China-Laos Railway?", "29:alice"));
        await host.PostValidAsync("personal-message.json", From("when did it open?", "29:alice"));
        await host.PostValidAsync("personal-message.json", From("and how many passengers in 2024?", "29:alice"));
        await host.PostValidAsync("personal-message.json", From("when did it open?", "29:bob"));

        var replies = host.Connector.Delivered.Select(d => string.Join("\n", d.CardTexts())).ToList();
        Assert.Equal(4, replies.Count);
        Assert.Contains("1,035", replies[0], StringComparison.Ordinal);
        Assert.Contains("China-Laos Railway: ", replies[1], StringComparison.Ordinal);
        Assert.Contains("3 December 2021", replies[1], StringComparison.Ordinal);
        Assert.Contains("China-Laos Railway, 2024: ", replies[2], StringComparison.Ordinal);
        Assert.DoesNotContain("3 December 2021", replies[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedChoiceSubmitted_IsRefusedPolitely()
    {
        await using var host = await TeamsTestHost.StartAsync(_holder.Bot);

        await host.PostValidAsync("card-submit.json", a => a["value"] = new JsonObject { ["cmd"] = "choose token:AAAAAAAAAAAA.BBBBBBBBBBBB" });

        var reply = Assert.Single(host.Connector.Delivered);
        Assert.Contains("That choice has expired", reply.Body.GetRawText(), StringComparison.Ordinal);
    }
}
