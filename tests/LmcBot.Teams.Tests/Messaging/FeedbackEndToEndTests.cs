using System.Text.Json.Nodes;
using LmcBot.Core.Knowledge;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;
using LmcBot.Testing.Teams;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>
/// Votes on answers in Teams, through the adapter (real tokens, the fake connector) to the core as the host composes it
/// (<see cref="ConversingBot"/>): the two card actions under an answer, the card's data submitted back as Teams does,
/// a thanks reply, and the vote in an admin's <c>kb feedback</c> until the fact is edited.
/// </summary>
public sealed class FeedbackEndToEndTests : IAsyncLifetime
{
    private const string AdminObjectId = "0c5e4d7a-2b1f-4e8c-9a6d-3f2e1b0c9d8e"; // the sender of the samples
    private const string MemberObjectId = "7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6";
    private const string MemberId = "29:1MemberOfTheTenantWhoVotes";
    private const string Question = "When did the China-Laos Railway open?";

    private readonly ConversingBot _bot = new(new Dictionary<string, string?> { ["Admin:TeamsUserIds:0"] = AdminObjectId });
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync(_bot.Bot);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _bot.Dispose();
    }

    [Fact]
    public async Task NotRightSubmitted_IsThankedInANewReply_ShowsInKbFeedback_UntilTheFactIsEdited()
    {
        var answer = await SendAsync("personal-message.json", a => a["text"] = Question, asMember: true);
        var actions = answer.Card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Helpful", "Not right"], actions.TakeLast(2).Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a.GetProperty("type").GetString()));
        var notRight = actions[^1].GetProperty("data").GetRawText();

        var thanks = await SendAsync("card-submit.json", a => a["value"] = JsonNode.Parse(notRight), asMember: true);

        Assert.Equal("Thanks — noted. An admin will look at it.", Text(thanks));
        Assert.Equal("1741079765441", thanks.ReplyToId); // a reply to the click, not a change of the answer card
        var vote = Assert.Single(_bot.Votes());
        Assert.Equal(("Teams", VoteKind.Wrong), (vote.Platform, vote.Kind));
        Assert.DoesNotContain(MemberId, vote.UserKey, StringComparison.Ordinal);

        var report = Text(await SendAsync("personal-message.json", a => a["text"] = "kb feedback"));
        Assert.Contains($"1× \"{Question}\"", report, StringComparison.Ordinal);
        Assert.Contains("clr-opened", report, StringComparison.Ordinal);

        Assert.Contains("Changed clr-opened", Text(await SendAsync("personal-message.json", a => a["text"] = "kb edit id:clr-opened field:length_km value:1036")), StringComparison.Ordinal);
        Assert.Contains("No answer is marked \"Not right\"", Text(await SendAsync("personal-message.json", a => a["text"] = "kb feedback")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbFeedback_FromAMember_IsRefused()
    {
        var refused = Text(await SendAsync("personal-message.json", a => a["text"] = "kb feedback", asMember: true));

        Assert.Contains("Only admins", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedVoteSubmitted_IsRefusedPolitely_AndNothingIsStored()
    {
        var refused = await SendAsync("card-submit.json",
            a => a["value"] = new JsonObject { ["cmd"] = "feedback token:AAAAAAAAAAAA.AAAAAAAAAAAA vote:wrong" }, asMember: true);

        Assert.Equal("That choice has expired. Ask your question again and I'll answer it afresh.", Text(refused));
        Assert.Empty(_bot.Votes());
    }

    /// <summary>Posts a sample (from the admin, or from a member of the tenant) and returns the one reply it gets.</summary>
    private async Task<ConnectorCall> SendAsync(string sample, Action<JsonObject> edit, bool asMember = false)
    {
        var before = _host.Connector.Delivered.Count;
        await _host.PostValidAsync(sample, a =>
        {
            edit(a);
            if (!asMember) return;
            a["from"]!["id"] = MemberId;
            a["from"]!["aadObjectId"] = MemberObjectId;
        });
        var delivered = await _host.Connector.WaitForDeliveredAsync(before + 1, TimeSpan.FromSeconds(30));
        Assert.Equal(before + 1, delivered.Count);
        return delivered[before];
    }

    /// <summary>Everything the reply card shows: its text blocks and fact sets.</summary>
    private static string Text(ConnectorCall reply)
    {
        var facts = reply.Card.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "FactSet")
            .SelectMany(e => e.GetProperty("facts").EnumerateArray())
            .Select(f => f.GetProperty("title").GetString() + ": " + f.GetProperty("value").GetString());
        return string.Join("\n", reply.CardTexts().Concat(facts));
    }
}
