using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Knowledge;

/// <summary>The database follows the knowledge files without touching what admins changed.</summary>
public sealed class KnowledgeSyncTests
{
    [Fact]
    public void NewDatabase_IsBuiltFromTheFolder_WithSentencesIndexed()
    {
        using var bot = TestBot.CreateFresh();

        var content = bot.KnowledgeBase.Store.ReadAll();

        Assert.True(content.Facts.Count >= 100);
        Assert.True(content.Sentences.Count >= 100);
        Assert.Contains(content.Sentences, s => s.DocumentId == "lmc-seed-article" && s.Text.StartsWith("The StarExpress train", StringComparison.Ordinal));
    }

    [Fact]
    public void ChangedFile_IsResynced_OnNextOpen()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var db = temp.File("kb.db");
        using (var first = new KnowledgeBase(new KnowledgeStore(db), folder))
            Assert.True(first.LastSync.Changed);

        var facts = Path.Combine(folder, "facts", "seed-article.yaml");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace(
            "statement: \"The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang.\"",
            "statement: \"The StarExpress train, launched in 2024, links Kunming with Vientiane by way of Luang Prabang.\""));

        using var second = new KnowledgeBase(new KnowledgeStore(db), folder);
        Assert.True(second.LastSync.Changed);
        Assert.Equal(1, second.LastSync.FactsUpdated);
        Assert.Contains("by way of Luang Prabang", second.Store.ReadAll().Facts.Single(f => f.Id == "starexpress-route").Statement);
    }

    [Fact]
    public void UnchangedFolder_IsNotResynced()
    {
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        using (new KnowledgeBase(new KnowledgeStore(db), RepoPaths.Knowledge)) { }

        using var again = new KnowledgeBase(new KnowledgeStore(db), RepoPaths.Knowledge);

        Assert.False(again.LastSync.Changed);
    }

    [Fact]
    public void BrokenFile_ChangesNothingInTheDatabase()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var db = temp.File("kb.db");
        int before;
        using (var kb = new KnowledgeBase(new KnowledgeStore(db), folder))
            before = kb.Store.ReadAll().Facts.Count;

        File.AppendAllText(Path.Combine(folder, "facts", "seed-article.yaml"),
            "\n  - id: broken-fact\n    kind: route\n    statement: A route without stops.\n    name: Nowhere Express\n    cite:\n      document: lmc-seed-article\n      quote: not in the article at all\n");

        using var store = new KnowledgeStore(db);
        Assert.Throws<KnowledgeValidationException>(() => new KnowledgeBase(store, folder));
        Assert.Equal(before, store.ReadAll().Facts.Count);
        Assert.DoesNotContain(store.ReadAll().Facts, f => f.Id == "broken-fact");
    }

    [Fact]
    public void AdminChangeToShippedFact_SurvivesResync_AndIsReportedAsConflict()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var db = temp.File("kb.db");
        using (var kb = new KnowledgeBase(new KnowledgeStore(db), folder))
        {
            kb.Store.Write(s =>
            {
                var fact = s.Facts.FindById("byd-thailand");
                fact.Statement = "BYD builds electric cars in Rayong, Thailand.";
                fact.AdminOverride = true;
                fact.Version++;
                return s.Facts.Update(fact);
            });
        }
        var facts = Path.Combine(folder, "facts", "seed-article.yaml");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace("BYD, a Chinese electric-vehicle maker, is investing", "BYD, the Chinese electric-vehicle maker, invests"));

        using var again = new KnowledgeBase(new KnowledgeStore(db), folder);

        Assert.Equal("BYD builds electric cars in Rayong, Thailand.", again.Store.ReadAll().Facts.Single(f => f.Id == "byd-thailand").Statement);
        Assert.Contains(again.LastSync.Conflicts, c => c.Contains("byd-thailand", StringComparison.Ordinal));
        Assert.Contains(again.Store.Read(s => s.Audit.FindAll().ToList()), a => a.Action == "sync-conflict" && a.TargetId == "byd-thailand");
    }

    [Fact]
    public void DeclinedQuestion_IsCounted_AndLeavesWhenAnswered()
    {
        using var bot = TestBot.CreateFresh();

        bot.Bot.Ask("How much does a StarExpress ticket cost?", ChatPlatform.Discord);
        bot.Bot.Ask("how much does a starexpress ticket cost", ChatPlatform.Teams);
        var entry = Assert.Single(bot.KnowledgeBase.Store.Read(s => s.Unanswered.FindAll().ToList()));
        Assert.Equal(2, entry.Count);

        bot.KnowledgeBase.RecordAnswered("How much does a StarExpress ticket cost?");

        Assert.Empty(bot.KnowledgeBase.Store.Read(s => s.Unanswered.FindAll().ToList()));
    }
}
