using LmcBot.Core.Admin;
using LmcBot.Core.Chat;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>kb undo: reverts the latest or a named change, audited; repeating it never reverts a second change.</summary>
public sealed class UndoTests
{
    private const string Pair = "kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true";
    private const string PairId = "nanning-vientiane-friendship-city";

    [Fact]
    public async Task Undo_Twice_RevertsOnlyTheLatestChange_AndSaysSoTheSecondTime()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        await admin.OkAsync($"kb edit id:{PairId} field:date value:2019");

        var first = await admin.OkAsync("kb undo");
        var snapshot = FactEditingTests.Snapshot(admin);
        var second = await admin.OkAsync("kb undo");

        Assert.Contains("Undid #2", first.Text, StringComparison.Ordinal);
        Assert.Contains("#2 (edit fact", second.Text, StringComparison.Ordinal);
        Assert.Contains("was already undone by #3; nothing changed", second.Text, StringComparison.Ordinal);
        Assert.Equal("kb undo entry:1", Assert.Single(second.FollowUps).Input);
        Assert.Equal(snapshot, FactEditingTests.Snapshot(admin));
        var fact = admin.Fact(PairId)!;
        Assert.Null(fact.Get("date"));
        Assert.Equal(3, fact.Version);
    }

    [Theory]
    [InlineData(ChatPlatform.Teams)]
    [InlineData(ChatPlatform.Discord)]
    public async Task UndoWithoutEntry_FromAChat_NamesTheLatestChange_AndChangesNothing_SoAReplayCannotUndoALaterOne(ChatPlatform platform)
    {
        using var admin = new AdminBot(new AdminOptions { TeamsUserIds = ["aad-admin"], DiscordGuildIds = ["guild-1"] });
        var sender = new ChatSender("29:x", "Admin") { DirectoryObjectId = "aad-admin", HasManagePermission = true };
        await admin.OkAsync(Pair);
        var before = FactEditingTests.Snapshot(admin);

        var proposal = await admin.SendAsync("kb undo", sender, platform, "guild-1");

        Assert.False(proposal.IsError, proposal.Text);
        Assert.Contains("The most recent change is #1 (add fact", proposal.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", proposal.Text, StringComparison.Ordinal);
        Assert.Equal("kb undo entry:1", proposal.FollowUps[0].Input);
        Assert.Equal(before, FactEditingTests.Snapshot(admin));
        Assert.Single(admin.Audit());

        // The named undo, then the admin's next change: the same named undo again changes nothing.
        Assert.Contains("Undid #1", (await admin.SendAsync("kb undo entry:1", sender, platform, "guild-1")).Text, StringComparison.Ordinal);
        await admin.OkAsync("kb remove id:starexpress-route");
        var replay = await admin.SendAsync("kb undo entry:1", sender, platform, "guild-1");

        Assert.Contains("already undone", replay.Text, StringComparison.Ordinal);
        Assert.True(admin.Fact("starexpress-route")!.Removed);
        Assert.Equal(3, admin.Audit().Count);
    }

    [Fact]
    public async Task Undo_NamedEntry_RevertsIt_AndIsAudited()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        await admin.OkAsync("kb remove id:starexpress-route");

        var undo = await admin.OkAsync("kb undo entry:1");

        Assert.Contains("Undid #1", undo.Text, StringComparison.Ordinal);
        Assert.Null(admin.Fact(PairId));
        Assert.True(admin.Fact("starexpress-route")!.Removed);
        var audit = admin.Audit();
        var entry = audit[^1];
        Assert.Equal(("undo", 1, PairId, "local"), (entry.Action, entry.Undoes, entry.TargetId, entry.UserId));
        Assert.Equal(entry.Id, audit[0].UndoneBy);
        Assert.Null(entry.FactAfter);
        var again = await admin.OkAsync("kb undo entry:1");
        Assert.Contains("already undone", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoOfAnUndo_RedoesTheChange()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        await admin.OkAsync("kb undo");
        Assert.DoesNotContain("Nanning", admin.Ask("What are Vientiane's partner cities?").Text);

        await admin.OkAsync("kb undo entry:2");

        FactEditingTests.AnswerAssertContains(admin.Ask("What are Vientiane's partner cities?"), "Nanning");
        Assert.Equal(2, admin.Fact(PairId)!.Version);
    }

    [Fact]
    public async Task Undo_OfAChangeFollowedByAnother_IsRefused_AndChangesNothing()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        await admin.OkAsync($"kb edit id:{PairId} field:date value:2019");
        var before = FactEditingTests.Snapshot(admin);

        var answer = await admin.SendAsync("kb undo entry:1");

        Assert.True(answer.IsError);
        Assert.Contains($"Fact {PairId} changed since #1 (it is at version 2 now); undo the later changes first", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, FactEditingTests.Snapshot(admin));
    }

    [Theory]
    [InlineData("kb undo entry:99", "There is no audit entry #99")]
    [InlineData("kb undo entry:0", "at least 1")]
    public async Task Undo_UnknownEntry_SaysSo(string command, string expected)
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        var answer = await admin.SendAsync(command);
        Assert.True(answer.IsError);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_WithNothingToUndo_SaysSo()
    {
        using var admin = new AdminBot();
        var answer = await admin.OkAsync("kb undo");
        Assert.Contains("nothing to undo", answer.Text, StringComparison.Ordinal);
        Assert.Empty(admin.Audit());
    }

    [Fact]
    public async Task Undo_OfAnImport_RemovesTheDocumentAndItsSentences_OrRestoresTheEarlierVersion()
    {
        using var admin = new AdminBot();
        await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", Articles.Cruise));
        await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", Articles.Cruise + "\n\nA third paragraph.\n"));
        Assert.Equal(3, admin.SentenceCount("mekong-river-cruise-pilot"));

        await admin.OkAsync("kb undo");
        Assert.Equal(2, admin.SentenceCount("mekong-river-cruise-pilot"));

        await admin.OkAsync("kb undo entry:1");
        Assert.Null(admin.Document("mekong-river-cruise-pilot"));
        Assert.Equal(0, admin.SentenceCount("mekong-river-cruise-pilot"));
        Assert.False(admin.Ask("Who ran the river cruise pilot?").Answered);
    }

    [Fact]
    public async Task Undo_OfAnImportThatAFactNowQuotes_IsRefused()
    {
        using var admin = new AdminBot();
        await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", Articles.Cruise));
        await admin.OkAsync("kb add figure metric:cruise-passengers value:12000 unit:passengers year:2025 document:mekong-river-cruise-pilot quote:\"carried 12,000 passengers\"");

        var answer = await admin.SendAsync("kb undo entry:1");

        Assert.True(answer.IsError);
        Assert.Contains("facts cite document mekong-river-cruise-pilot (cruise-passengers-2025); remove them first", answer.Text, StringComparison.Ordinal);
        Assert.NotNull(admin.Document("mekong-river-cruise-pilot"));
    }
}
