using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>Rotating backups before destructive operations: readable copies of the state before the change.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task Remove_TakesABackupOfTheStateBefore_AndOnlyTheNewestAreKept()
    {
        using var admin = new AdminBot(backups: 2);
        foreach (var id in new[] { "starexpress-route", "clr-opened", "lmc-names-mlc" })
            await admin.OkAsync($"kb remove id:{id}");

        var backups = Directory.GetFiles(admin.Editor.BackupFolder).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(2, backups.Count);
        Assert.All(backups, b => Assert.EndsWith("-remove.db", b, StringComparison.Ordinal));
        using var newest = new KnowledgeStore(backups[^1]);
        var content = newest.ReadAll();
        Assert.True(content.Facts.Single(f => f.Id == "clr-opened").Removed, "the newest backup holds the earlier removes");
        Assert.False(content.Facts.Single(f => f.Id == "lmc-names-mlc").Removed, "and not the remove it was taken before");
    }

    [Fact]
    public async Task Undo_TakesABackup_ButAnUndoThatChangesNothingDoesNot()
    {
        using var admin = new AdminBot();
        await admin.OkAsync("kb add note subject:StarExpress text:\"The StarExpress has a dining car.\" admin_note:true");
        Assert.False(Directory.Exists(admin.Editor.BackupFolder), "adding is not destructive");

        await admin.OkAsync("kb undo");
        await admin.OkAsync("kb undo");

        Assert.Single(Directory.GetFiles(admin.Editor.BackupFolder, "*-undo.db"));
    }

    [Fact]
    public async Task Backups_SwitchedOff_TakesNone()
    {
        using var admin = new AdminBot(backups: 0);
        await admin.OkAsync("kb remove id:starexpress-route");
        Assert.False(Directory.Exists(admin.Editor.BackupFolder));
    }
}
