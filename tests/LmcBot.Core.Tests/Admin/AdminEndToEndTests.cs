using LmcBot.Core.Admin;
using LmcBot.Core.Chat;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>The admin story through the chat path every surface shares: text commands in, answers out.</summary>
public sealed class AdminEndToEndTests
{
    private const string AddNanningVientiane = "kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true";

    [Fact]
    public async Task AddCityPair_ThenAsk_AnswersWithTheAdminNoteAsSource()
    {
        using var admin = new AdminBot();
        Assert.DoesNotContain("Nanning", admin.Ask("What are Vientiane's partner cities?").Text);

        var added = await admin.OkAsync(AddNanningVientiane);

        Assert.Equal("kb.add", added.Intent.Name);
        Assert.Contains("nanning-vientiane-friendship-city", added.Text);
        foreach (var question in new[] { "What are Vientiane's partner cities?", "friendship cities of Nanning", "Which city is Nanning paired with?" })
        {
            var answer = admin.Ask(question);
            AnswerAssert.Answered(question, answer, ["Nanning", "Vientiane", "friendship"], admin.KnowledgeBase);
            var citation = Assert.Single(answer.Citations);
            Assert.Equal("admin", citation.Grade);
            Assert.Contains("unsourced", citation.SourceLine());
        }
    }

    [Fact]
    public async Task RemoveThenUndo_TakesTheFactOutOfAnswersAndBringsItBack()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(AddNanningVientiane);

        await admin.OkAsync("kb remove id:nanning-vientiane-friendship-city");
        var afterRemove = admin.Ask("What are Vientiane's partner cities?");
        Assert.DoesNotContain("Nanning", afterRemove.Text);
        Assert.True(admin.Fact("nanning-vientiane-friendship-city")!.Removed, "remove is soft: the record stays, marked removed");

        var undo = await admin.OkAsync("kb undo");
        Assert.Contains("Undid #2", undo.Text);
        AnswerAssert.Answered("partner cities", admin.Ask("What are Vientiane's partner cities?"), ["Nanning"], admin.KnowledgeBase);
    }

    [Fact]
    public async Task AddWithDocumentQuote_IsAnsweredWithACitationToThatDocument()
    {
        using var admin = new AdminBot();
        var added = await admin.OkAsync("kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" document:lmc-seed-article quote:\"Lancang-Mekong Cooperation\"");

        Assert.Contains("found in document lmc-seed-article", added.Text);
        var answer = admin.Ask("What are Vientiane's partner cities?");
        AnswerAssert.Answered("partner cities", answer, ["Nanning"], admin.KnowledgeBase);
        Assert.Equal("lmc-seed-article", Assert.Single(answer.Citations).DocumentId);
    }

    [Fact]
    public async Task AddWithUrlAndQuote_IsAcceptedAndShownAsAWebSource()
    {
        using var admin = new AdminBot();
        var added = await admin.OkAsync("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" url:https://example.org/nanning quote:\"Nanning and Vientiane became sister cities\"");

        Assert.Contains("web source", added.Text);
        var citation = Assert.Single(admin.Ask("sister cities of Nanning").Citations);
        Assert.Equal("https://example.org/nanning", citation.Url);
        Assert.Equal("web", citation.DocumentId);
    }

    [Fact]
    public async Task ImportedArticle_IsAnsweredAtOnceWithACitationToIt()
    {
        using var admin = new AdminBot();
        const string question = "How many passengers did the Mekong river cruise pilot carry?";
        Assert.False(admin.Ask(question).Answered);

        var imported = await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", Articles.Cruise));

        Assert.False(imported.IsError, imported.Text);
        var answer = admin.Ask(question);
        AnswerAssert.Answered(question, answer, ["12,000 passengers"], admin.KnowledgeBase);
        Assert.Equal("mekong-river-cruise-pilot", Assert.Single(answer.Citations).DocumentId);
    }

    [Fact]
    public async Task Unanswered_ListsADeclinedQuestion_AndDropsItOnceAnAdminAddsTheFact()
    {
        using var admin = new AdminBot();
        const string question = "Which cities are partnered with Nanning?";
        Assert.False(admin.Ask(question).Answered);
        admin.Ask(question);
        admin.Ask("What is the population of Mars?");

        var listed = await admin.OkAsync("kb unanswered");
        Assert.Equal($"2× \"{question}\"", listed.Fields[0].Name);

        await admin.OkAsync(AddNanningVientiane);

        var after = await admin.OkAsync("kb unanswered");
        Assert.DoesNotContain(after.Fields, f => f.Name.Contains(question, StringComparison.Ordinal));
        Assert.Contains(after.Fields, f => f.Name.Contains("Mars", StringComparison.Ordinal));
    }

    public static TheoryData<string> NonAdmins() => new() { "discord-member", "teams-member" };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task NonAdminAdd_IsRefused_AndChangesNothing(string who)
    {
        using var admin = new AdminBot(new AdminOptions { TeamsUserIds = ["aad-admin"], DiscordRoleIds = ["role-admin"] });
        var (platform, sender) = who == "discord-member"
            ? (ChatPlatform.Discord, new ChatSender("111", "Member") { RoleIds = ["role-other"] })
            : (ChatPlatform.Teams, new ChatSender("29:member", "Member") { DirectoryObjectId = "aad-member" });

        var answer = await admin.SendAsync(AddNanningVientiane, sender, platform);

        Assert.True(answer.IsError);
        Assert.True(answer.Private);
        Assert.Equal("admin-only", answer.Intent.Name);
        Assert.Empty(admin.Audit());
        Assert.Null(admin.Fact("nanning-vientiane-friendship-city"));
        Assert.DoesNotContain("Nanning", admin.Ask("What are Vientiane's partner cities?").Text);
    }

    public static TheoryData<string[], string?, string> DiscordAdminOutsideListedGuilds() => new()
    {
        { [], "guild-1", "Admin:DiscordGuildIds (environment Admin__DiscordGuildIds__0)" },
        { ["guild-1"], null, "do not work in direct messages" },
        { ["guild-1"], "guild-2", "its id guild-2 is not in Admin:DiscordGuildIds" },
    };

    [Theory]
    [MemberData(nameof(DiscordAdminOutsideListedGuilds))]
    public async Task DiscordManager_OutsideTheListedGuilds_IsRefusedNamingTheSetting_AndChangesNothing(string[] guilds, string? scope, string expected)
    {
        using var admin = new AdminBot(new AdminOptions { DiscordGuildIds = [.. guilds] });

        var answer = await admin.SendAsync(AddNanningVientiane, new ChatSender("222", "Mod") { HasManagePermission = true }, ChatPlatform.Discord, scope);

        Assert.Equal("admin-only", answer.Intent.Name);
        Assert.True(answer.IsError && answer.Private);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Empty(admin.Audit());
        Assert.Null(admin.Fact("nanning-vientiane-friendship-city"));
    }

    [Fact]
    public async Task TeamsAdminByObjectId_AndDiscordAdminByRole_MayAdd()
    {
        using var admin = new AdminBot(new AdminOptions { TeamsUserIds = ["AAD-ADMIN"], DiscordRoleIds = ["role-admin"], DiscordGuildIds = ["guild-1"] });

        var teams = await admin.SendAsync(AddNanningVientiane, new ChatSender("29:x", "Teams Admin") { DirectoryObjectId = "aad-admin" }, ChatPlatform.Teams);
        var discord = await admin.SendAsync("kb remove id:nanning-vientiane-friendship-city", new ChatSender("222", "Mod") { RoleIds = ["role-admin"] }, ChatPlatform.Discord, "guild-1");

        Assert.False(teams.IsError, teams.Text);
        Assert.False(discord.IsError, discord.Text);
        var audit = admin.Audit();
        Assert.Equal(("Teams", "29:x", "Teams Admin"), (audit[0].Platform, audit[0].UserId, audit[0].UserName));
        Assert.Equal(("Discord", "222", "Mod"), (audit[1].Platform, audit[1].UserId, audit[1].UserName));
    }
}
