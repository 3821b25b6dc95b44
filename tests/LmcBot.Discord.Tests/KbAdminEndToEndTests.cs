using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LmcBot.Core.Admin;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>
/// The admin story on Discord: signed /kb and /ask interactions over loopback, through the adapter, to the real core
/// bot over its own database (<see cref="AdminBot"/>), with the fake Discord serving attachments and taking callbacks.
/// </summary>
public sealed class KbAdminEndToEndTests : IAsyncLifetime
{
    private const string ManageServer = "32";
    private const string ViewChannel = "1024";
    private const string AdminRole = "5000000000000000009";
    private const string PairId = "nanning-vientiane-friendship-city";

    private const string GuildId = "2000000000000000000";

    private readonly AdminBot _admin = new(new AdminOptions { DiscordRoleIds = [AdminRole], DiscordGuildIds = [GuildId] });
    private FakeDiscord _discord = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _host = await BotHost.StartAsync(_discord, _admin.Bot);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
        _admin.Dispose();
    }

    private static (string, object)[] NanningVientiane =>
        [("city_a", "Nanning"), ("city_b", "Vientiane"), ("status", "friendship city"), ("admin_note", true)];

    [Fact]
    public async Task ManagerAddsCityPair_AskAnswersWithItsSource_RemoveTakesItOut_UndoBringsItBack()
    {
        Assert.DoesNotContain("Nanning", Text((await SendAsync(Ask("What are Vientiane's partner cities?"))).Message), StringComparison.Ordinal);

        var added = await SendAsync(Kb(ManageServer, [], "add citypair", NanningVientiane));
        Assert.Contains($"Added {PairId}", Text(added.Message), StringComparison.Ordinal);

        var answer = (await SendAsync(Ask("What are Vientiane's partner cities?"))).Message;
        Assert.Contains("Nanning and Vientiane are friendship cities.", Text(answer), StringComparison.Ordinal);
        Assert.Contains("admin note, unsourced", answer["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await SendAsync(Kb(ManageServer, [], "remove", ("id", PairId)));
        Assert.DoesNotContain("Nanning", Text((await SendAsync(Ask("What are Vientiane's partner cities?"))).Message), StringComparison.Ordinal);

        var proposal = await SendAsync(Kb("0", [AdminRole], "undo"));
        Assert.Contains("The most recent change is #2 (remove fact", Text(proposal.Message), StringComparison.Ordinal);
        var undo = await SendAsync(Kb("0", [AdminRole], "undo", ("entry", "2")));
        Assert.Contains("Undid #2", Text(undo.Message), StringComparison.Ordinal);
        Assert.Contains("Nanning", Text((await SendAsync(Ask("What are Vientiane's partner cities?"))).Message), StringComparison.Ordinal);

        var audit = _admin.Audit();
        Assert.All(audit, a => Assert.Equal("Discord", a.Platform));
        Assert.Equal(["4000000000000000002", "4000000000000000002", "4000000000000000002"], audit.Select(a => a.UserId));
    }

    [Fact]
    public async Task CapturedKbUndo_ReplayedAfterAnotherChange_IsRefused_AndAfterARestartSaysAlreadyUndone_TheLaterChangeStays()
    {
        await SendAsync(Kb(ManageServer, [], "add citypair", NanningVientiane));
        var captured = Kb(ManageServer, [], "undo", ("entry", "1"));
        var stamp = _host.Timestamp();
        var signature = InteractionSigner.Sign(stamp, Encoding.UTF8.GetBytes(captured));
        Task<HttpResponseMessage> Replay(BotHost host) =>
            host.Client.SendAsync(host.SignedPost(captured, stamp, signature));

        using (var undone = await Replay(_host))
            Assert.Contains("Undid #1", await undone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await SendAsync(Kb(ManageServer, [], "remove", ("id", "starexpress-route")));

        using (var replayed = await Replay(_host))
        {
            Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
            Assert.Contains("already received", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // A restarted host has forgotten the id; the named entry still cannot move to the later change.
        await using (var restarted = await BotHost.StartAsync(_discord, _admin.Bot))
        using (var afterRestart = await Replay(restarted))
        {
            Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
            Assert.Contains("#1 (add fact", await afterRestart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(_admin.Fact("starexpress-route")!.Removed);
        Assert.Equal(["add", "undo", "remove"], _admin.Audit().Select(a => a.Action));
    }

    [Fact]
    public async Task MemberWithoutManageServer_KbAdd_IsRefusedEphemerally_AndNothingChanges()
    {
        var refused = await SendAsync(Kb(ViewChannel, ["5000000000000000002"], "add citypair", NanningVientiane));

        Assert.Equal(64, refused.Message["flags"]!.GetValue<int>());
        Assert.Contains("Only admins", refused.Message["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_admin.Audit());
        Assert.Null(_admin.Fact(PairId));
        Assert.DoesNotContain("Nanning", Text((await SendAsync(Ask("What are Vientiane's partner cities?"))).Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerInAServerNotListed_KbAdd_IsRefusedNamingAdminDiscordGuildIds_AndNothingChanges()
    {
        var json = JsonNode.Parse(Kb(ManageServer, [], "add citypair", NanningVientiane))!;
        json["guild_id"] = "2000000000000000077";

        var refused = await SendAsync(json.ToJsonString());

        Assert.Equal(64, refused.Message["flags"]!.GetValue<int>());
        Assert.Contains("2000000000000000077 is not in Admin:DiscordGuildIds", refused.Message["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_admin.Audit());
        Assert.Null(_admin.Fact(PairId));
    }

    [Fact]
    public async Task ListedAdminUserInADirectMessage_KbAdd_IsRefused_AndNothingChanges()
    {
        using var admin = new AdminBot(new AdminOptions { DiscordUserIds = ["4000000000000000002"], DiscordGuildIds = [GuildId] });
        await using var host = await BotHost.StartAsync(_discord, admin.Bot);
        var json = JsonNode.Parse(Kb(ManageServer, [], "add citypair", NanningVientiane))!.AsObject();
        json.Remove("guild_id");
        json["user"] = json["member"]!["user"]!.DeepClone();
        json.Remove("member");
        using var response = await host.Client.SendAsync(host.SignedPost(json.ToJsonString()));

        var content = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["content"]!.GetValue<string>();
        Assert.Contains("do not work in direct messages", content, StringComparison.Ordinal);
        Assert.Empty(admin.Audit());
    }

    [Fact]
    public async Task ImportedAttachment_FromDiscordsHost_IsAnsweredAtOnceWithACitationToIt()
    {
        var url = _discord.AddFile("cruise.md", "text/markdown", Encoding.UTF8.GetBytes(Articles.Cruise));
        var body = Samples.Load("kb-import-file.json", ("filename", "cruise.md"), ("size", Encoding.UTF8.GetByteCount(Articles.Cruise).ToString(CultureInfo.InvariantCulture)),
            ("url", url), ("content_type", "text/markdown; charset=utf-8"));

        var imported = await SendAsync(body);

        Assert.Contains("as mekong-river-cruise-pilot", Text(imported.Message), StringComparison.Ordinal);
        var answer = (await SendAsync(Ask("How many passengers did the Mekong river cruise pilot carry?"))).Message;
        Assert.Contains("12,000 passengers", Text(answer), StringComparison.Ordinal);
        Assert.Contains("New article", answer["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportedAttachment_WithDeeplyNestedFrontMatter_IsRefusedToTheAdmin_AndTheHostKeepsAnswering()
    {
        // The 60 KB file that once overflowed the web host's stack and took Discord, Teams and health down together.
        var deep = "---\nid: deep\ntitle: Deep\nx: " + new string('[', 60_000) + "\n---\n# Deep\n\nText.\n";
        var url = _discord.AddFile("deep.md", "text/markdown", Encoding.UTF8.GetBytes(deep));
        var body = Samples.Load("kb-import-file.json", ("filename", "deep.md"), ("size", deep.Length.ToString(CultureInfo.InvariantCulture)),
            ("url", url), ("content_type", "text/markdown; charset=utf-8"));
        var refused = Text((await SendAsync(body)).Message);

        Assert.Contains("deep.md could not be imported", refused, StringComparison.Ordinal);
        Assert.Contains("deep.md:4: invalid front matter: the front matter nests more than 16 levels of [ ] or { }", refused, StringComparison.Ordinal);
        Assert.Null(_admin.Document("deep"));
        Assert.Empty(_admin.Audit());
        var answer = (await SendAsync(Ask("When was the LMC established?"))).Message;
        Assert.Contains("2016", Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_ListsADeclinedQuestion_AndDropsItOnceTheFactIsAdded()
    {
        await SendAsync(Ask("Which cities are partnered with Nanning?"));
        var listed = await SendAsync(Kb(ManageServer, [], "unanswered"));
        Assert.Contains("Which cities are partnered with Nanning?", Text(listed.Message), StringComparison.Ordinal);
        Assert.Equal(64, listed.Message["flags"]!.GetValue<int>());

        await SendAsync(Kb(ManageServer, [], "add citypair", NanningVientiane));

        Assert.DoesNotContain("partnered with Nanning", Text((await SendAsync(Kb(ManageServer, [], "unanswered"))).Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ArrivesAsAnEphemeralZipAttachment()
    {
        var export = await SendAsync(Kb(ManageServer, [], "export"));

        Assert.NotNull(export.Webhook);
        Assert.True(export.Webhook!.IsMultipart);
        Assert.Matches(@"filename=lmcbot-knowledge-\d{8}-\d{4}\.zip", export.Webhook.BodyText);
        Assert.Contains("PK\u0003\u0004", Encoding.Latin1.GetString(export.Webhook.Body), StringComparison.Ordinal);
        Assert.Equal(64, export.Message["flags"]!.GetValue<int>());
    }

    /// <summary>
    /// Posts a signed interaction and returns the message the user sees: the immediate reply, or, when the adapter
    /// deferred or sent a file, the callback or webhook request it made to Discord for this interaction.
    /// </summary>
    private async Task<(JsonNode Message, RecordedRequest? Webhook)> SendAsync(string body)
    {
        var token = JsonNode.Parse(body)!["token"]!.GetValue<string>();
        using var response = await _host.Client.SendAsync(_host.SignedPost(body));
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var callback = await _discord.WaitForAsync(r => r.Path.Contains(token, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            return (callback.Json()!["data"]!, callback);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (json["type"]!.GetValue<int>() == 4) return (json["data"]!, null);
        var webhook = await _discord.WaitForAsync(r => r.Path.Contains(token, StringComparison.Ordinal) && r.Method is "PATCH" or "POST", TimeSpan.FromSeconds(30));
        return (webhook.Json()!, webhook);
    }

    private static long _lastId = 1300000000000000000;

    /// <summary>A fresh interaction id, as Discord gives every interaction (a repeated id is refused as a replay).</summary>
    private static string NextId() => Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);

    private static string Ask(string question) =>
        Samples.Load("ask-guild.json").Replace("When was the LMC established?", question, StringComparison.Ordinal)
            .Replace("1100000000000000001", NextId(), StringComparison.Ordinal);

    /// <summary>A /kb interaction from carol with these permissions and roles: <paramref name="path"/> is "add citypair", "remove", …</summary>
    private static string Kb(string permissions, string[] roles, string path, params (string Name, object Value)[] options)
    {
        var json = JsonNode.Parse(Samples.Load("kb-add-citypair.json"))!;
        json["id"] = NextId();
        json["member"]!["permissions"] = permissions;
        json["member"]!["roles"] = new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
        var values = new JsonArray(options.Select(o => (JsonNode)new JsonObject
        {
            ["name"] = o.Name,
            ["type"] = o.Value is bool ? 5 : 3,
            ["value"] = o.Value is bool b ? JsonValue.Create(b) : JsonValue.Create((string)o.Value),
        }).ToArray());
        var words = path.Split(' ');
        var leaf = new JsonObject { ["name"] = words[^1], ["type"] = 1, ["options"] = values };
        json["data"]!["options"] = words.Length == 2
            ? new JsonArray(new JsonObject { ["name"] = words[0], ["type"] = 2, ["options"] = new JsonArray(leaf) })
            : new JsonArray(leaf);
        return json.ToJsonString();
    }

    /// <summary>All the text a user reads in a message: content, embed description, fields and footer.</summary>
    private static string Text(JsonNode message)
    {
        var parts = new List<string?> { message["content"]?.GetValue<string>() };
        if (message["embeds"]?[0] is { } embed)
        {
            parts.Add(embed["title"]?.GetValue<string>());
            parts.Add(embed["description"]?.GetValue<string>());
            parts.AddRange(embed["fields"]?.AsArray().Select(f => f!["name"]!.GetValue<string>() + ": " + f["value"]!.GetValue<string>()) ?? []);
            parts.Add(embed["footer"]?["text"]?.GetValue<string>());
        }
        return string.Join("\n", parts.OfType<string>());
    }
}
