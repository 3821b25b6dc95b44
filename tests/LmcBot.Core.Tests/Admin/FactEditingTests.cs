using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>kb add, edit, remove and restore: validated first, one audited transaction each, refusals change nothing.</summary>
public sealed class FactEditingTests(SharedAdminBot shared) : IClassFixture<SharedAdminBot>
{
    private const string Pair = "kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true";
    private const string PairId = "nanning-vientiane-friendship-city";

    [Theory]
    [InlineData("kb add citypair city_a:Nanning status:\"sister city\" admin_note:true", "needs 'city_b'")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:cousins admin_note:true", "must be one of")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\"", "missing source")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" document:lmc-seed-article quote:\"Nanning is twinned with Vientiane\"", "does not occur in document 'lmc-seed-article'")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" document:no-such-doc quote:\"anything\"", "unknown document 'no-such-doc'")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" document:lmc-seed-article", "missing quote")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" url:ftp://x.org/a quote:\"q\"", "absolute http(s) address")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" date:June admin_note:true", "must be a date")]
    [InlineData("kb add figure metric:cruise-passengers value:lots unit:people year:2025 admin_note:true", "'value' must be number")]
    [InlineData("kb add note subject:StarExpress text:\"x\" admin_note:true url:https://example.org quote:\"x\"", "an admin note has no source")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" admin_note:true id:Bad_Id", "is not valid")]
    [InlineData("kb add citypair city_a:Nanning city_b:Vientiane status:\"sister city\" admin_note:true id:starexpress-route", "already exists")]
    public async Task Add_BadInput_NamesTheProblem_AndChangesNothing(string command, string expected)
    {
        var admin = shared.Admin;
        var before = Snapshot(admin);

        var answer = await admin.SendAsync(command);

        Assert.True(answer.IsError, answer.Text);
        Assert.True(answer.Private);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(admin));
    }

    [Fact]
    public async Task Add_ValueOverItsLengthLimit_IsRefused()
    {
        using var admin = new AdminBot();
        var answer = await admin.SendAsync($"kb add note subject:StarExpress text:\"{new string('a', 501)}\" admin_note:true");
        Assert.True(answer.IsError);
        Assert.Contains("'text' is 501 characters long; at most 500", answer.Text, StringComparison.Ordinal);
        Assert.Empty(admin.Audit());
    }

    [Fact]
    public void Add_UnknownKind_CalledDirectly_NamesTheKinds()
    {
        using var admin = new AdminBot();
        var answer = admin.Editor.Add("spaceship", [], new Dictionary<string, string>(), ChatRequest.Question(ChatPlatform.Cli, ChatSender.LocalUser, ""));
        Assert.True(answer.IsError);
        Assert.Contains("Unknown fact kind 'spaceship'", answer.Text, StringComparison.Ordinal);
        Assert.Contains("citypair", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_MissingRequiredField_CalledDirectly_IsCaughtByTheValidator()
    {
        using var admin = new AdminBot();
        var answer = admin.Editor.Add("citypair", ["city_a", "city_b", "status", "admin_note"], new Dictionary<string, string> { ["city_a"] = "Nanning", ["status"] = "sister city", ["admin_note"] = "true" },
            ChatRequest.Question(ChatPlatform.Cli, ChatSender.LocalUser, ""));
        Assert.True(answer.IsError);
        Assert.Contains("missing field 'city_b'", answer.Text, StringComparison.Ordinal);
        Assert.Empty(admin.Audit());
    }

    [Fact]
    public async Task AddNote_SameSubjectWithOtherText_IsAdded_TheSameTextAgainIsADuplicate()
    {
        using var admin = new AdminBot();
        await admin.OkAsync("kb add note subject:StarExpress text:\"The StarExpress has a dining car.\" admin_note:true");

        var second = await admin.SendAsync("kb add note subject:StarExpress text:\"The StarExpress sleeper berths sell out in April.\" admin_note:true");
        var again = await admin.SendAsync("kb add note subject:StarExpress text:\"the StarExpress  has a dining car\" admin_note:true");

        Assert.False(second.IsError, second.Text);
        Assert.Contains("Added starexpress-", second.Text, StringComparison.Ordinal);
        Assert.True(again.IsError, again.Text);
        Assert.Contains("already in the knowledge base as 'starexpress-", again.Text, StringComparison.Ordinal);
        Assert.Contains("The StarExpress has a dining car.", again.Text, StringComparison.Ordinal);
        Assert.Equal(2, admin.Audit().Count);
        Assert.Equal(2, admin.KnowledgeBase.Store.Read(s => s.Facts.Find(f => f.Kind == "note" && f.Origin == KnowledgeOrigin.Admin).Count()));
    }

    [Theory]
    [InlineData("kb add note", "text", "The StarExpress rings\u0007 a bell.", "U+0007 (BEL) at character 22")]
    [InlineData("kb add note", "subject", "Star\u001B[31mExpress", "U+001B (ESC) at character 5")]
    [InlineData("kb add citypair", "city_b", "Vientiane\u009B", "U+009B at character 10")]
    [InlineData("kb edit", "value", "StarExpress\u001B]0;owned\u0007", "U+001B (ESC) at character 12")]
    [InlineData("kb edit", "value", "Star\u007FExpress", "U+007F (DEL) at character 5")]
    [InlineData("kb import", "title", "Ferry\u0008\u0008\u0008", "U+0008 (BS) at character 6")]
    public async Task AddEditOrImport_ControlCharacterInAValue_IsRefusedNamingIt_AndChangesNothing(string path, string option, string value, string expected)
    {
        var admin = shared.Admin;
        var before = Snapshot(admin);
        var options = path switch
        {
            "kb add note" => new Dictionary<string, string> { ["subject"] = "StarExpress", ["text"] = "The StarExpress has a piano.", ["admin_note"] = "true" },
            "kb add citypair" => new Dictionary<string, string> { ["city_a"] = "Nanning", ["city_b"] = "Vientiane", ["status"] = "sister city", ["admin_note"] = "true" },
            "kb edit" => new Dictionary<string, string> { ["id"] = "starexpress-route", ["field"] = "name", ["value"] = "StarExpress" },
            _ => new Dictionary<string, string> { ["text"] = "The Mekong ferry leaves every hour." },
        };
        options[option] = value;

        var answer = await admin.CommandAsync(path, options);

        Assert.True(answer.IsError, answer.Text);
        Assert.Contains($"The value of {option}: contains the control character {expected}", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(admin));
    }

    [Fact]
    public async Task Add_ResolvesAliasesToCanonicalNames_AndRefusesADuplicate()
    {
        using var admin = new AdminBot();
        var added = await admin.OkAsync("kb add citypair city_a:nanning city_b:Viangchan status:\"friendship city\" admin_note:true");
        Assert.Contains("\"Viangchan\" → Vientiane", added.Text, StringComparison.Ordinal);
        Assert.Equal("Vientiane", admin.Fact(PairId)!.Get("city_b"));

        var again = await admin.SendAsync(Pair);
        Assert.True(again.IsError);
        Assert.Contains($"already in the knowledge base as '{PairId}'", again.Text, StringComparison.Ordinal);
        Assert.Single(admin.Audit());
    }

    [Theory]
    [InlineData("kb add investment investor:\"Great Wall Motor\" country:Thailand sector:\"electric vehicles\" place:Rayong amount:\"USD 100 million\" admin_note:true", "Great Wall Motor invests in electric vehicles in Thailand, at Rayong (USD 100 million).")]
    [InlineData("kb add route name:\"Mekong Cruise\" stops:\"Jinghong, Chiang Saen, Luang Prabang\" launched:2025-03 admin_note:true", "Mekong Cruise runs from Jinghong to Luang Prabang via Chiang Saen, launched in March 2025.")]
    [InlineData("kb add place name:\"Guanlei Port\" type:\"inland port\" location:\"Jinghong City\" role:\"river cargo terminal\" admin_note:true", "Guanlei Port is an inland port in Jinghong: river cargo terminal.")]
    [InlineData("kb add figure metric:cruise-passengers value:12000 unit:passengers year:2025 admin_note:true", "Cruise passengers was 12,000 passengers in 2025.")]
    [InlineData("kb add note subject:StarExpress text:\"The StarExpress has a dining car.\" admin_note:true", "The StarExpress has a dining car.")]
    public async Task Add_EachKind_GeneratesTheStatement_AndIsStoredAsAnAdminFact(string command, string statement)
    {
        using var admin = new AdminBot();
        var answer = await admin.OkAsync(command);
        var id = answer.Fields.First(f => f.Name == "Id").Value;
        var fact = admin.Fact(id)!;
        Assert.Equal(statement, fact.Statement);
        Assert.Equal((KnowledgeOrigin.Admin, 1, false), (fact.Origin, fact.Version, fact.Removed));
        var entry = Assert.Single(admin.Audit());
        Assert.Equal(("add", id, "Cli", "local"), (entry.Action, entry.TargetId, entry.Platform, entry.UserId));
        Assert.Null(entry.FactBefore);
        Assert.Equal(statement, entry.FactAfter!.Statement);
    }

    [Fact]
    public async Task Edit_TypedFieldOfAGeneratedStatement_RewritesTheStatement()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        var edit = await admin.OkAsync($"kb edit id:{PairId} field:date value:2019-06-07 version:1");
        Assert.Contains("version 2", edit.Text, StringComparison.Ordinal);
        Assert.Equal("Nanning and Vientiane are friendship cities since 7 June 2019.", admin.Fact(PairId)!.Statement);
        AnswerAssertContains(admin.Ask("What are Vientiane's partner cities?"), "7 June 2019");
    }

    [Fact]
    public async Task Edit_ShippedFact_MarksTheOverride_KeepsAHandWrittenStatement_AndIsAnsweredAtOnce()
    {
        using var admin = new AdminBot();
        var edit = await admin.OkAsync("kb edit id:starexpress-route field:launched value:2024-09-24");
        Assert.Contains("The statement was kept as it is", edit.Text, StringComparison.Ordinal);
        var fact = admin.Fact("starexpress-route")!;
        Assert.True(fact.AdminOverride);
        Assert.Equal("2024-09-24", fact.Get("launched"));

        await admin.OkAsync("kb edit id:starexpress-route field:statement value:\"The StarExpress runs from Kunming to Vientiane via Luang Prabang; launched 24 September 2024.\"");
        AnswerAssertContains(admin.Ask("What are the StarExpress stops?"), "24 September 2024");
    }

    [Fact]
    public async Task Edit_BackToTheShippedDefinition_ClearsTheOverride()
    {
        using var admin = new AdminBot();
        var original = admin.Fact("starexpress-route")!.Get("launched")!;
        await admin.OkAsync("kb edit id:starexpress-route field:launched value:2025");
        await admin.OkAsync($"kb edit id:starexpress-route field:launched value:{original}");
        Assert.False(admin.Fact("starexpress-route")!.AdminOverride);
    }

    [Fact]
    public async Task Edit_StaleVersion_IsRefused_AndChangesNothing()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        await admin.OkAsync($"kb edit id:{PairId} field:date value:2019 version:1");
        var before = Snapshot(admin);

        var stale = await admin.SendAsync($"kb edit id:{PairId} field:date value:2020 version:1");

        Assert.True(stale.IsError);
        Assert.Contains($"fact {PairId} changed since version 1 (now 2); show it again", stale.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, Snapshot(admin));
        var staleRemove = await admin.SendAsync($"kb remove id:{PairId} version:1");
        Assert.True(staleRemove.IsError);
        Assert.False(admin.Fact(PairId)!.Removed);
    }

    [Fact]
    public async Task Edit_ConcurrentEditsOfOneFact_NeverLoseAnUpdate()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        string[] edits =
        [
            "field:date value:2019", "field:country_a value:China", "field:country_b value:Laos", "field:claim value:nanning-vientiane",
            "field:keywords value:\"twin city, partner\"", "field:about value:Guangxi",
        ];

        var answers = await Task.WhenAll(edits.Select(e => Task.Run(() => admin.SendAsync($"kb edit id:{PairId} {e}"))));

        Assert.All(answers, a => Assert.False(a.IsError, a.Text));
        var fact = admin.Fact(PairId)!;
        Assert.Equal(1 + edits.Length, fact.Version);
        Assert.Equal(("2019", "China", "Laos", "nanning-vientiane"), (fact.Get("date"), fact.Get("country_a"), fact.Get("country_b"), fact.Claim));
        Assert.Equal(["twin city", "partner"], fact.Keywords);
        Assert.Equal(["Guangxi"], fact.About);
        Assert.Equal(Enumerable.Range(1, edits.Length), admin.Audit().Where(a => a.Action == "edit").Select(a => a.FactBefore!.Version).Order());
    }

    [Fact]
    public async Task Edit_ConcurrentEditsOfTheSameVersion_ExactlyOneWins()
    {
        using var admin = new AdminBot();
        await admin.OkAsync(Pair);
        var answers = await Task.WhenAll(Enumerable.Range(2000, 8).Select(year =>
            Task.Run(() => admin.SendAsync($"kb edit id:{PairId} field:date value:{year} version:1"))));
        Assert.Single(answers, a => !a.IsError);
        Assert.All(answers.Where(a => a.IsError), a => Assert.Contains("changed since version 1 (now 2)", a.Text, StringComparison.Ordinal));
        Assert.Equal(2, admin.Fact(PairId)!.Version);
    }

    [Theory]
    [InlineData("kb edit id:no-such-fact field:date value:2019", "There is no fact 'no-such-fact'")]
    [InlineData("kb edit id:starexpres-route field:launched value:2019", "Did you mean starexpress-route")]
    [InlineData("kb edit id:starexpress-route field:colour value:red", "has no field 'colour'. Fields you can edit: statement, quote, document, url, admin_note, about, keywords, claim, name, stops")]
    [InlineData("kb edit id:starexpress-route field:launched value:soon", "must be a date")]
    [InlineData("kb edit id:starexpress-route field:quote value:\"not in the article\"", "does not occur in document")]
    [InlineData("kb edit id:starexpress-route field:name value:-", "missing field 'name'")]
    [InlineData("kb edit id:starexpress-route field:kind value:note", "cannot be changed")]
    [InlineData("kb edit id:starexpress-route field:launched value:2019 version:abc", "'version' must be integer")]
    [InlineData("kb remove id:no-such-fact", "There is no fact 'no-such-fact'")]
    [InlineData("kb restore id:no-such-fact", "There is no fact 'no-such-fact'")]
    public async Task EditOrRemove_BadInput_NamesTheProblem_AndChangesNothing(string command, string expected)
    {
        var admin = shared.Admin;
        var before = Snapshot(admin);
        var answer = await admin.SendAsync(command);
        Assert.True(answer.IsError, answer.Text);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(admin));
    }

    [Fact]
    public async Task Edit_SameValue_ChangesNothing()
    {
        using var admin = new AdminBot();
        var answer = await admin.OkAsync("kb edit id:starexpress-route field:name value:StarExpress");
        Assert.Contains("nothing changed", answer.Text, StringComparison.Ordinal);
        Assert.Empty(admin.Audit());
        Assert.Equal(1, admin.Fact("starexpress-route")!.Version);
    }

    [Fact]
    public async Task Edit_SourceToAdminNote_AndBackToADocument()
    {
        using var admin = new AdminBot();
        await admin.OkAsync("kb edit id:starexpress-route field:admin_note value:true");
        var statement = admin.Fact("starexpress-route")!.Statement;
        Assert.Contains(admin.Ask("What are the StarExpress stops?").Citations, c => c.Grade == "admin" && c.Quote == statement);

        await admin.OkAsync("kb edit id:starexpress-route field:document value:lmc-seed-article");

        var fact = admin.Fact("starexpress-route")!;
        Assert.False(fact.AdminNote || fact.AdminOverride, "back to its shipped source, it follows the files again");
        Assert.Contains(admin.Ask("What are the StarExpress stops?").Citations, c => c.DocumentId == "lmc-seed-article" && c.Quote == fact.Quote);
    }

    [Fact]
    public async Task RemoveShipped_ThenRestore_UsesItAgain_AndRemovingTwiceSaysSo()
    {
        using var admin = new AdminBot();
        var removed = await admin.OkAsync("kb remove id:starexpress-route");
        Assert.Contains("no longer used in answers", removed.Text, StringComparison.Ordinal);
        var fact = admin.Fact("starexpress-route")!;
        Assert.True(fact.Removed && fact.AdminOverride);

        var again = await admin.OkAsync("kb remove id:starexpress-route");
        Assert.Contains("already removed; nothing changed", again.Text, StringComparison.Ordinal);
        Assert.Single(admin.Audit());

        await admin.OkAsync("kb restore id:starexpress-route");
        fact = admin.Fact("starexpress-route")!;
        Assert.False(fact.Removed || fact.AdminOverride);
        Assert.Equal(3, fact.Version);
        Assert.Contains(admin.Ask("What are the StarExpress stops?").Citations, c => c.Quote == fact.Quote);
    }

    internal static void AnswerAssertContains(Answer answer, string text)
    {
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains(text, answer.Text, StringComparison.Ordinal);
    }

    /// <summary>Everything a refused command must leave as it was: facts with versions, documents, sentences, audit.</summary>
    internal static string Snapshot(AdminBot admin) => admin.KnowledgeBase.Store.Read(s =>
        string.Join("|", s.Facts.FindAll().OrderBy(f => f.Id).Select(f => $"{f.Id}:{f.Version}:{f.Removed}:{KnowledgeStore.FactHash(f)}"))
        + $"#{s.Documents.Count()}#{s.Sentences.Count()}#{s.Audit.Count()}");
}
