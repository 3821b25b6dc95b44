using System.IO.Compression;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>kb export: the whole knowledge base in the knowledge/ format; ingesting it elsewhere gives the same answers.</summary>
public sealed class ExportTests
{
    /// <summary>Questions about what the admins changed, besides the shared dev questions.</summary>
    private static readonly string[] AdminQuestions =
    [
        "What are Vientiane's partner cities?", "sister cities of Nanning", "How many passengers did the Mekong river cruise pilot carry?",
        "Who ran the river cruise pilot?", "What are the StarExpress stops?", "When did the StarExpress launch?", "Does the StarExpress have a dining car?",
    ];

    [Fact]
    public async Task Export_ThenIngestIntoAnEmptyDatabase_GivesTheSameAnswers()
    {
        using var admin = new AdminBot();
        await ChangeEverythingAsync(admin);
        var export = await admin.OkAsync("kb export");
        using var folder = new TempDirectory();
        var knowledge = Path.Combine(folder.Path, "knowledge");
        using (var zip = new MemoryStream(export.File!.Content))
            ZipFile.ExtractToDirectory(zip, knowledge);

        var set = KnowledgeBase.ReadFolder(knowledge);
        using var copy = new KnowledgeBase(new KnowledgeStore(folder.File("copy.db")), folder: null);
        copy.Store.Sync(set);
        copy.Refresh();

        var engine = new AnswerEngine();
        var questions = EvalQuestions.Spread().Concat(AdminQuestions).ToList();
        Assert.True(questions.Count > 30);
        foreach (var question in questions)
        {
            var original = engine.Answer(question, admin.KnowledgeBase.Current);
            var again = engine.Answer(question, copy.Current);
            Assert.Equal((original.Answered, original.Intent, original.Text), (again.Answered, again.Intent, again.Text));
            Assert.Equal(original.Citations, again.Citations);
        }
        Assert.True(engine.Answer(AdminQuestions[0], copy.Current).Answered);
    }

    [Fact]
    public async Task Export_RoundTripsAdminFacts_WithUrlAndAdminNoteSources_AndLeavesRemovedFactsOut()
    {
        using var admin = new AdminBot();
        await ChangeEverythingAsync(admin);
        var export = await admin.OkAsync("kb export");
        Assert.Equal("application/zip", export.File!.ContentType);
        Assert.True(export.Private);
        Assert.DoesNotContain("Warning", export.Text, StringComparison.Ordinal);
        using var folder = new TempDirectory();
        using (var zip = new MemoryStream(export.File.Content))
            ZipFile.ExtractToDirectory(zip, folder.Path);

        var set = KnowledgeBase.ReadFolder(folder.Path);

        var stored = admin.KnowledgeBase.Store.ReadAll();
        foreach (var fact in stored.Facts.Where(f => !f.Removed))
        {
            var read = set.Facts.Single(f => f.Id == fact.Id);
            Assert.Equal(KnowledgeStore.FactHash(fact), KnowledgeStore.FactHash(read));
        }
        Assert.Equal(stored.Facts.Count(f => !f.Removed), set.Facts.Count);
        Assert.DoesNotContain(set.Facts, f => f.Id == "clr-opened");
        Assert.True(set.Facts.Single(f => f.Id == "nanning-vientiane-friendship-city").AdminNote);
        Assert.Equal("https://example.org/starexpress-dining", set.Facts.Single(f => f.SourceUrl is not null).SourceUrl);
        var document = set.Documents.Single(d => d.Id == "mekong-river-cruise-pilot");
        Assert.Equal(admin.Document("mekong-river-cruise-pilot")!.Body, document.Body);
        Assert.Equal(stored.Documents.Count, set.Documents.Count);
        Assert.True(File.Exists(Path.Combine(folder.Path, "facts", "citypair.yaml")));
        Assert.Contains("Viangchan", await File.ReadAllTextAsync(Path.Combine(folder.Path, "aliases.yaml")), StringComparison.Ordinal);
    }

    /// <summary>One change of each sort an admin makes: facts with each source, an import, an edit and a removal of shipped facts.</summary>
    private static async Task ChangeEverythingAsync(AdminBot admin)
    {
        await admin.OkAsync("kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" date:2019-06 admin_note:true");
        await admin.OkAsync("kb add note subject:StarExpress text:\"The StarExpress has a dining car.\" url:https://example.org/starexpress-dining quote:\"a dining car\"");
        var imported = await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", Articles.Cruise));
        Assert.False(imported.IsError, imported.Text);
        await admin.OkAsync("kb add figure metric:cruise-passengers value:12000 unit:passengers year:2025 document:mekong-river-cruise-pilot quote:\"carried 12,000 passengers\"");
        await admin.OkAsync("kb edit id:starexpress-route field:launched value:2024-09");
        await admin.OkAsync("kb remove id:clr-opened");
    }
}
