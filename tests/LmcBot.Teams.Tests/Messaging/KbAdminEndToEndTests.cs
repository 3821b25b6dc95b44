using LmcBot.Core.Admin;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>
/// The admin story on Teams: <c>kb …</c> text commands in a personal chat, through the adapter (real tokens, the
/// fake connector), to the real core bot over its own database (<see cref="AdminBot"/>).
/// </summary>
public sealed class KbAdminEndToEndTests : IAsyncLifetime
{
    private const string AdminObjectId = "0c5e4d7a-2b1f-4e8c-9a6d-3f2e1b0c9d8e"; // the sender of personal-message.json
    private const string MemberObjectId = "7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6";
    private const string AddPair = "kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true";
    private const string PairId = "nanning-vientiane-friendship-city";

    private readonly AdminBot _admin = new(new AdminOptions { TeamsUserIds = [AdminObjectId] });
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync(_admin.Bot);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _admin.Dispose();
    }

    [Fact]
    public async Task AdminAddsCityPair_AskAnswersWithItsSource_RemoveTakesItOut_UndoBringsItBack()
    {
        Assert.DoesNotContain("Nanning", await SendAsync("What are Vientiane's partner cities?"), StringComparison.Ordinal);

        Assert.Contains($"Added {PairId}", await SendAsync(AddPair), StringComparison.Ordinal);
        var answer = await SendAsync("What are Vientiane's partner cities?");
        Assert.Contains("Nanning and Vientiane are friendship cities.", answer, StringComparison.Ordinal);
        Assert.Contains("admin note, unsourced", answer, StringComparison.Ordinal);

        await SendAsync($"kb remove id:{PairId}");
        Assert.DoesNotContain("Nanning", await SendAsync("What are Vientiane's partner cities?"), StringComparison.Ordinal);

        Assert.Contains("The most recent change is #2 (remove fact", await SendAsync("kb undo"), StringComparison.Ordinal);
        Assert.Contains("Undid #2", await SendAsync("kb undo entry:2"), StringComparison.Ordinal);
        Assert.Contains("Nanning", await SendAsync("What are Vientiane's partner cities?"), StringComparison.Ordinal);

        var audit = _admin.Audit();
        Assert.All(audit, a => Assert.Equal(("Teams", "Somchai Wongsakul"), (a.Platform, a.UserName)));
    }

    [Fact]
    public async Task SenderNotInTeamsUserIds_KbAdd_IsRefused_AndNothingChanges()
    {
        var refused = await SendAsync(AddPair, MemberObjectId);

        Assert.Contains("Only admins", refused, StringComparison.Ordinal);
        Assert.Empty(_admin.Audit());
        Assert.Null(_admin.Fact(PairId));
        Assert.DoesNotContain("Nanning", await SendAsync("What are Vientiane's partner cities?", MemberObjectId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastedArticle_IsAnsweredAtOnceWithACitationToIt()
    {
        var imported = await SendAsync("kb import title:\"Mekong ferry timetable\" text:\"The Mekong ferry from Huay Xai to Chiang Khong leaves every hour from 8 am.\"");
        Assert.Contains("as mekong-ferry-timetable", imported, StringComparison.Ordinal);

        var answer = await SendAsync("How often does the Mekong ferry from Huay Xai leave?");

        Assert.Contains("leaves every hour from 8 am", answer, StringComparison.Ordinal);
        Assert.Contains("Source: Mekong ferry timetable", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_ListsADeclinedQuestion_AndDropsItOnceTheFactIsAdded()
    {
        await SendAsync("Which cities are partnered with Nanning?", MemberObjectId);
        Assert.Contains("Which cities are partnered with Nanning?", await SendAsync("kb unanswered"), StringComparison.Ordinal);

        await SendAsync(AddPair);

        Assert.Contains("No unanswered questions", await SendAsync("kb unanswered"), StringComparison.Ordinal);
    }

    /// <summary>Sends a personal-chat message from the sample's user (with this Entra object id) and returns everything the reply card shows.</summary>
    private async Task<string> SendAsync(string text, string objectId = AdminObjectId)
    {
        var before = _host.Connector.Delivered.Count;
        await _host.PostValidAsync("personal-message.json", a =>
        {
            a["text"] = text;
            a["from"]!["aadObjectId"] = objectId;
        });
        var reply = (await _host.Connector.WaitForDeliveredAsync(before + 1, TimeSpan.FromSeconds(30)))[before];
        var facts = reply.Card.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "FactSet")
            .SelectMany(e => e.GetProperty("facts").EnumerateArray())
            .Select(f => f.GetProperty("title").GetString() + ": " + f.GetProperty("value").GetString());
        return string.Join("\n", reply.CardTexts().Concat(facts));
    }
}
