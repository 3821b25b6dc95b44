using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LmcBot.Core.Knowledge;
using LmcBot.Discord.Gateway;
using LmcBot.Testing;
using LmcBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Discord.Tests;

/// <summary>
/// Votes on answers on Discord, over signed HTTP interactions and the gateway, through the adapter to the core as the
/// host composes it (<see cref="ConversingBot"/>): the buttons under an answer, a click answered with an ephemeral
/// thanks that leaves the answer alone, and the vote in an admin's <c>/kb feedback</c> until the fact is edited.
/// </summary>
public sealed class FeedbackEndToEndTests : IAsyncLifetime
{
    private const string GuildId = "2000000000000000000";
    private const string ManageServer = "32";
    private const string Question = "When did the China-Laos Railway open?";
    private const string Thanks = "Thanks — noted. An admin will look at it.";

    private readonly ConversingBot _bot = new(new Dictionary<string, string?> { ["Admin:DiscordGuildIds:0"] = GuildId });
    private FakeDiscord _discord = null!;
    private BotHost? _host;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await _discord.DisposeAsync();
        _bot.Dispose();
    }

    [Fact]
    public async Task Http_NotRightClicked_ThanksEphemerally_LeavesTheAnswerAlone_ShowsInKbFeedback_UntilTheFactIsEdited()
    {
        _host = await BotHost.StartAsync(_discord, _bot.Bot);
        var (answered, answer) = await PostAsync(Ask(Question));
        Assert.Equal(4, answered);
        var votes = FeedbackRow(answer);
        Assert.Equal([("Helpful", 3), ("Not right", 4)], votes.Select(b => (b!["label"]!.GetValue<string>(), b["style"]!.GetValue<int>())));

        var click = Click(votes[1]!["custom_id"]!.GetValue<string>());
        var (replied, thanks) = await PostAsync(click);

        // A new ephemeral message (4 with flag 64), not an update of the answer (7), and no edit of either over REST.
        Assert.Equal(4, replied);
        Assert.Equal(64, thanks["flags"]!.GetValue<int>());
        Assert.Equal(Thanks, Text(thanks));
        AssertNothingEdited(JsonNode.Parse(click)!["token"]!.GetValue<string>());
        var vote = Assert.Single(_bot.Votes());
        Assert.Equal(("Discord", VoteKind.Wrong), (vote.Platform, vote.Kind));

        var report = (await PostAsync(Kb("feedback"))).Message;
        Assert.Equal(64, report["flags"]!.GetValue<int>());
        Assert.Contains($"1× \"{Question}\"", Text(report), StringComparison.Ordinal);
        Assert.Contains("clr-opened", Text(report), StringComparison.Ordinal);

        Assert.Contains("Changed clr-opened", Text((await PostAsync(Kb("edit", ("id", "clr-opened"), ("field", "length_km"), ("value", "1036")))).Message), StringComparison.Ordinal);
        Assert.StartsWith("No answer is marked \"Not right\"", Text((await PostAsync(Kb("feedback"))).Message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q:feedback token:AAAAAAAAAAAA.AAAAAAAAAAAA vote:wrong")] // well formed, never issued
    [InlineData("q:feedback token:x vote:helpful")]
    public async Task Http_ForgedVoteButton_IsRefusedPolitelyAndPrivately_AndNothingIsStored(string customId)
    {
        _host = await BotHost.StartAsync(_discord, _bot.Bot);

        var (type, refused) = await PostAsync(Click(customId));

        Assert.Equal(4, type);
        Assert.Equal(64, refused["flags"]!.GetValue<int>());
        Assert.Equal("That choice has expired. Ask your question again and I'll answer it afresh.", Text(refused));
        Assert.Empty(_bot.Votes());
    }

    [Fact]
    public async Task Gateway_MentionAnswered_NotRightClicked_ThanksEphemerallyThroughTheSameDispatcher_AndKbFeedbackShowsIt()
    {
        _host = await BotHost.StartAsync(_discord, _bot.Bot, "Gateway");
        var status = _host.Services.GetRequiredService<DiscordGatewayStatus>();
        await Eventually.TrueAsync(() => status.IsConnected, "gateway READY");
        var mention = JsonNode.Parse(Samples.Load("message-create-mention.json")
            .Replace("when was the LMC established? cc <@4000000000000000001>", Question, StringComparison.Ordinal))!;

        await _discord.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        var reply = (await _discord.WaitForAsync(r => r.Path == "/channels/3000000000000000000/messages")).Json()!;
        var notRight = FeedbackRow(reply)[1]!;
        Assert.Equal("Not right", notRight["label"]!.GetValue<string>());

        var click = JsonNode.Parse(Click(notRight["custom_id"]!.GetValue<string>()))!;
        click["token"] = "gateway-vote-token";
        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", click);

        var callback = (await _discord.WaitForAsync(r => r.Path.EndsWith("/gateway-vote-token/callback", StringComparison.Ordinal))).Json()!;
        Assert.Equal(4, callback["type"]!.GetValue<int>());
        Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(Thanks, Text(callback["data"]!));
        AssertNothingEdited("gateway-vote-token");

        var report = JsonNode.Parse(Kb("feedback"))!;
        report["token"] = "gateway-report-token";
        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", report);
        var listed = (await _discord.WaitForAsync(r => r.Path.EndsWith("/gateway-report-token/callback", StringComparison.Ordinal))).Json()!;
        Assert.Contains($"1× \"{Question}\"", Text(listed["data"]!), StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts a signed interaction and returns the response's type and the message the user sees: the immediate reply,
    /// or, when the adapter deferred (a kb edit that runs the sentence model on a loaded machine), its webhook edit.
    /// </summary>
    private async Task<(int Type, JsonNode Message)> PostAsync(string body)
    {
        var token = JsonNode.Parse(body)!["token"]!.GetValue<string>();
        using var response = await _host!.Client.SendAsync(_host.SignedPost(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var type = json["type"]!.GetValue<int>();
        if (type != 5) return (type, json["data"]!);
        var webhook = await _discord.WaitForAsync(r => r.Path.Contains(token, StringComparison.Ordinal) && r.Method is "PATCH" or "POST", TimeSpan.FromSeconds(30));
        return (type, webhook.Json()!);
    }

    /// <summary>No request changed the answer message or the click's own response after it was sent.</summary>
    private void AssertNothingEdited(string clickToken) =>
        Assert.DoesNotContain(_discord.Requests, r => r.Method is "PATCH" or "DELETE"
            && (r.Path.Contains(clickToken, StringComparison.Ordinal) || r.Path.Contains("/messages/7000000000000000000", StringComparison.Ordinal)));

    /// <summary>The buttons of the answer's last row: the votes.</summary>
    private static JsonArray FeedbackRow(JsonNode message) => message["components"]!.AsArray()[^1]!["components"]!.AsArray();

    private static long _lastId = 1400000000000000000;

    /// <summary>A fresh interaction id, as Discord gives every interaction (a repeated id is refused as a replay).</summary>
    private static string NextId() => Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);

    private static string Ask(string question) =>
        Samples.Load("ask-guild.json").Replace("When was the LMC established?", question, StringComparison.Ordinal)
            .Replace("1100000000000000001", NextId(), StringComparison.Ordinal);

    /// <summary>A click on a button of a public answer, by alice (no permissions).</summary>
    private static string Click(string customId)
    {
        var json = JsonNode.Parse(Samples.Load("component-followup.json", ("custom_id", customId)))!;
        json["id"] = NextId();
        return json.ToJsonString();
    }

    /// <summary>A /kb interaction from carol, who may manage the server.</summary>
    private static string Kb(string subcommand, params (string Name, string Value)[] options)
    {
        var json = JsonNode.Parse(Samples.Load("kb-add-citypair.json"))!;
        json["id"] = NextId();
        json["member"]!["permissions"] = ManageServer;
        json["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["name"] = subcommand,
            ["type"] = 1,
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value })]),
        });
        return json.ToJsonString();
    }

    /// <summary>All the text a user reads in a message: content, embed title, description and fields.</summary>
    private static string Text(JsonNode message)
    {
        var parts = new List<string?> { message["content"]?.GetValue<string>() };
        if (message["embeds"]?[0] is { } embed)
        {
            parts.Add(embed["title"]?.GetValue<string>());
            parts.Add(embed["description"]?.GetValue<string>());
            parts.AddRange(embed["fields"]?.AsArray().Select(f => f!["name"]!.GetValue<string>() + ": " + f["value"]!.GetValue<string>()) ?? []);
        }
        return string.Join("\n", parts.OfType<string>().Where(p => p.Length > 0));
    }
}
