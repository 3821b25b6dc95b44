using LmcBot.Core.Chat;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>Shipped files and admin changes coexist: a re-sync never silently undoes an admin's change, and says so in kb history.</summary>
public sealed class SyncConflictTests
{
    [Fact]
    public async Task Resync_KeepsAdminChanges_UpdatesTheRest_AndReportsEachConflictOnceInHistory()
    {
        using var folder = new TempDirectory();
        var knowledge = folder.CopyKnowledge();
        using var holder = new BotHolder(knowledge);
        var bot = holder.Bot;
        async Task<Answer> Send(string text) => await bot.HandleAsync(new ChatRequest { Platform = ChatPlatform.Cli, Sender = ChatSender.LocalUser, Text = text });
        Assert.False((await Send("kb edit id:starexpress-route field:launched value:2024-09")).IsError);
        Assert.False((await Send("kb remove id:clr-opened")).IsError);

        var seed = Path.Combine(knowledge, "facts", "seed-article.yaml");
        var yaml = await File.ReadAllTextAsync(seed);
        yaml = yaml.Replace("mode: cross-border tourist train", "mode: tourist train", StringComparison.Ordinal)
            .Replace("keywords: [what is, logistics hub, role, hub]", "keywords: [what is, logistics hub, role, hub, Chongqing port]", StringComparison.Ordinal);
        await File.WriteAllTextAsync(seed, yaml);
        var railway = Path.Combine(knowledge, "facts", "railway.yaml");
        var opened = await File.ReadAllTextAsync(railway);
        Assert.Contains("id: clr-opened", opened, StringComparison.Ordinal);
        await File.WriteAllTextAsync(railway, opened.Replace("keywords: [", "keywords: [opening day, ", StringComparison.Ordinal));

        var report = holder.KnowledgeBase.Ingest(force: false);
        holder.KnowledgeBase.Ingest(force: true);

        Assert.Contains(report.Conflicts, c => c.StartsWith("fact starexpress-route:", StringComparison.Ordinal));
        Assert.Contains(report.Conflicts, c => c.StartsWith("fact clr-opened:", StringComparison.Ordinal));
        var store = holder.KnowledgeBase.Store;
        var route = store.Read(s => s.Facts.FindById("starexpress-route"));
        Assert.Equal(("2024-09", "cross-border tourist train", true), (route.Get("launched"), route.Get("mode"), route.AdminOverride));
        Assert.True(store.Read(s => s.Facts.FindById("clr-opened")).Removed);
        Assert.Contains("Chongqing port", store.Read(s => s.Facts.FindById("wanzhou-hub")).Keywords);

        var history = await Send("kb history id:starexpress-route");
        var conflict = Assert.Single(history.Fields, f => f.Value.StartsWith("sync-conflict fact starexpress-route", StringComparison.Ordinal));
        Assert.Contains("knowledge files (knowledge-files)", conflict.Name, StringComparison.Ordinal);
        Assert.Contains("mode \"cross-border tourist train\" → \"tourist train\"", conflict.Value, StringComparison.Ordinal);
        Assert.Contains("sync conflicts", (await Send("kb history")).Text, StringComparison.Ordinal);
        var conflicts = store.Read(s => s.Audit.FindAll().Count(a => a.Action == "sync-conflict"));
        Assert.Equal(2, conflicts);

        var undoConflict = await Send($"kb undo entry:{history.Fields[0].Name.Split(' ')[0].TrimStart('#')}");
        Assert.True(undoConflict.IsError);
        Assert.Contains("is a sync-conflict report, not an admin change", undoConflict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resync_KeepsAnImportOverAShippedDocument_AndReportsIt()
    {
        using var folder = new TempDirectory();
        var knowledge = folder.CopyKnowledge();
        using var holder = new BotHolder(knowledge);
        var seedPath = Path.Combine(knowledge, "documents", "lmc-seed-article.md");
        var seed = await File.ReadAllTextAsync(seedPath);
        var imported = await holder.Bot.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "kb import")
            with { Attachment = new ChatAttachment("seed.md", "text/markdown", seed + "\n\nAn admin's added paragraph about the seed article.\n") });
        Assert.False(imported.IsError, imported.Text);

        await File.WriteAllTextAsync(seedPath, seed + "\n\nA shipped addition.\n");
        var report = holder.KnowledgeBase.Ingest(force: false);

        Assert.Contains(report.Conflicts, c => c.StartsWith("document lmc-seed-article", StringComparison.Ordinal));
        var document = holder.KnowledgeBase.Store.Read(s => s.Documents.FindById("lmc-seed-article"));
        Assert.Contains("An admin's added paragraph", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("A shipped addition", document.Body, StringComparison.Ordinal);
        Assert.Single(holder.KnowledgeBase.Store.Read(s => s.Audit.FindAll().Where(a => a.Action == "sync-conflict").ToList()));
    }
}
