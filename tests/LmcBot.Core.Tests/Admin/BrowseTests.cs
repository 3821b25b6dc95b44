using LmcBot.Core.Admin;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>kb list, show and history: what admins read before they change something.</summary>
public sealed class BrowseTests
{
    [Fact]
    public async Task List_ByKind_IsPaginated_AndItsNextPageButtonWorks()
    {
        using var admin = new AdminBot();
        var total = admin.KnowledgeBase.Current.Values(CompletionSource.FactIds).Count(id => admin.Fact(id)!.Kind == "route");
        Assert.True(total > KnowledgeEditorPageSize, "the test needs more than one page of routes");

        var first = await admin.OkAsync("kb list kind:route");
        Assert.Equal(KnowledgeEditorPageSize, first.Fields.Count);
        Assert.Contains($"{total} route facts; page 1 of 2", first.Text, StringComparison.Ordinal);
        var next = Assert.Single(first.FollowUps);
        Assert.Equal("kb list kind:route page:2", next.Input);

        var second = await admin.OkAsync(next.Input);
        Assert.Equal(total - KnowledgeEditorPageSize, second.Fields.Count);
        Assert.Empty(first.Fields.Select(f => f.Name).Intersect(second.Fields.Select(f => f.Name)));
        Assert.Equal("kb list kind:route page:1", Assert.Single(second.FollowUps).Input);

        var tooFar = await admin.SendAsync("kb list kind:route page:3");
        Assert.True(tooFar.IsError);
        Assert.Contains("There are only 2 pages", tooFar.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ByText_FindsFactsMentioningIt_AndLeavesRemovedOnesOut()
    {
        using var admin = new AdminBot();
        await admin.OkAsync("kb remove id:starexpress-route");
        var answer = await admin.OkAsync("kb list text:starexpress");
        Assert.All(answer.Fields, f => Assert.Contains("starexpress", (f.Name + f.Value).ToLowerInvariant(), StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Fields, f => f.Name.StartsWith("starexpress-route ", StringComparison.Ordinal));
        Assert.Contains("1 removed fact is not shown", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownKind_NamesTheKinds()
    {
        using var admin = new AdminBot();
        var answer = await admin.SendAsync("kb list kind:spaceship");
        Assert.True(answer.IsError);
        Assert.Contains("Unknown fact kind 'spaceship'. Kinds: organisation, route", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_GivesFieldsSourceVersionAndHistory()
    {
        using var admin = new AdminBot();
        await admin.OkAsync("kb edit id:starexpress-route field:launched value:2024-09");

        var show = await admin.OkAsync("kb show id:starexpress-route");

        Assert.Equal("starexpress-route (route, version 2)", show.Title);
        Assert.True(show.Private);
        Assert.Contains(show.Fields, f => f.Name == "Stops" && f.Value == "Kunming → Luang Prabang → Vientiane");
        Assert.Contains(show.Fields, f => f.Name == "Cites" && f.Value == "document lmc-seed-article");
        Assert.Contains(show.Fields, f => f.Name == "State" && f.Value.Contains("changed by an admin", StringComparison.Ordinal));
        Assert.Contains(show.Fields, f => f.Name.StartsWith("#1 · ", StringComparison.Ordinal) && f.Value.Contains("launched \"2024\" → \"2024-09\"", StringComparison.Ordinal));
        Assert.Equal("lmc-seed-article", Assert.Single(show.Citations).DocumentId);
        Assert.Equal("kb remove id:starexpress-route version:2", show.FollowUps[0].Input);
    }

    [Fact]
    public async Task History_ShowsWhoWhenWhereAndBeforeAfter_NewestFirst_ForTheBaseOrOneFact()
    {
        using var admin = new AdminBot(new AdminOptions { DiscordGuildIds = ["guild-1"] });
        await admin.SendAsync("kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true",
            new ChatSender("42", "Mai") { HasManagePermission = true }, ChatPlatform.Discord, "guild-1");
        await admin.OkAsync("kb edit id:starexpress-route field:launched value:2024-09");

        var all = await admin.OkAsync("kb history");
        var one = await admin.OkAsync("kb history id:nanning-vientiane-friendship-city");

        Assert.Equal(2, all.Fields.Count);
        Assert.StartsWith("#2 · ", all.Fields[0].Name, StringComparison.Ordinal);
        Assert.Matches(@"^#1 · \d{4}-\d\d-\d\d \d\d:\d\d UTC · Discord · Mai \(42\)$", all.Fields[1].Name);
        Assert.Equal("add fact nanning-vientiane-friendship-city: added \"Nanning and Vientiane are friendship cities.\"", all.Fields[1].Value);
        Assert.Single(one.Fields);
    }

    private const int KnowledgeEditorPageSize = KnowledgeEditor.PageSize;
}
