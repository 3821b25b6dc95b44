using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Admin;

public sealed partial class KnowledgeEditor
{
    private Answer History(Input input)
    {
        var intent = Intent.KbHistory;
        var id = input["id"];
        var page = input.Integer("page", 1, out var pageError) ?? 1;
        if (pageError is not null) return Answer.Error(intent, ErrorKind.Invalid, pageError);
        var entries = Store.Read(s => (id is null ? s.Audit.FindAll() : s.Audit.Find(a => a.TargetId == id)).OrderByDescending(a => a.Id).ToList());
        var what = id is null ? "the knowledge base" : id;
        if (entries.Count == 0)
            return Info(intent, id is null ? "No changes yet: the knowledge base is as shipped." : $"No changes recorded for '{id}'. (Shipped facts have history only once an admin or a re-sync changes them.)");
        var rows = Page(entries, page, out var pages, out var tooFar);
        if (rows is null) return Answer.Error(intent, ErrorKind.Invalid, tooFar!);
        var conflicts = entries.Count(e => e.Action == "sync-conflict");
        return new Answer
        {
            Answered = true,
            Intent = intent,
            Confidence = 1,
            Private = true,
            Title = $"History of {what} (page {N(page)} of {N(pages)})",
            Text = $"{N(entries.Count)} changes to {what}, newest first: who, when, where from, and before → after."
                + (conflicts > 0 ? $" {N(conflicts)} are sync conflicts: the shipped files changed something an admin had changed, and the admin's version was kept." : "")
                + " Revert one with kb undo entry:N.",
            Fields = rows.Select(AuditText.Field).ToList(),
            FollowUps = PageFollowUps(id is null ? "kb history" : $"kb history id:{id}", page, pages),
        };
    }

    /// <summary>
    /// Reverts a named audit entry (on the CLI also the most recent change) by restoring the record as it was before
    /// it. The record must still be as that change left it; an entry already undone is reported and nothing changes, so
    /// a repeated undo (a double click, a retried delivery) never reverts a second change. From a chat, an undo without
    /// an entry changes nothing and names the entry it would undo: a captured "undo the latest" replayed after the admin's
    /// next change would otherwise undo that change.
    /// </summary>
    private Answer Undo(Input input, ChatRequest request)
    {
        var intent = Intent.KbUndo;
        var named = input.Integer("entry", 1, out var entryError);
        if (entryError is not null) return Answer.Error(intent, ErrorKind.Invalid, entryError);
        var preview = Store.Read(s => FindUndoTarget(s, named));
        if (preview.Error is { } previewError) return Answer.Error(intent, ErrorKind.Invalid, previewError);
        if (named is null && request.Platform != ChatPlatform.Cli && preview.Entry is { } latest)
            return Info(intent, $"The most recent change is #{N(latest.Id)} ({AuditText.Summary(latest, withUndoState: false)}). "
                + $"Nothing was changed: to undo it, run kb undo entry:{N(latest.Id)}. Naming the entry means a repeated command can never undo a later change.")
                with { FollowUps = [UndoFollowUp(latest), new FollowUp("History", "kb history")] };
        string? backup = null;
        if (preview.Info is null)
        {
            backup = Backup("undo", out var backupError);
            if (backupError is not null) return Answer.Error(intent, ErrorKind.Internal, backupError);
        }

        var actor = AdminActor.From(request);
        var outcome = Apply((s, now) =>
        {
            var found = FindUndoTarget(s, named);
            if (found.Error is not null || found.Info is not null) return found;
            var target = found.Entry!;
            var entry = actor.Entry(now, "undo", target.TargetType, target.TargetId);
            entry.Undoes = target.Id;
            var problem = target.TargetType == "fact"
                ? RevertFact(s, target, entry, now)
                : RevertDocument(s, target, entry, now);
            if (problem is not null) return Outcome.Fail(problem);
            // The undo's own id is needed to mark the target, so it is inserted here rather than by Apply.
            s.Audit.Insert(entry);
            target.UndoneBy = entry.Id;
            s.Audit.Update(target);
            return new Outcome(null, null) { Reverted = target, Undo = entry };
        });
        if (outcome.Error is { } error) return Answer.Error(intent, ErrorKind.Invalid, error);
        if (outcome.Info is { } info)
            return Info(intent, info) with
            {
                FollowUps = outcome.Suggest is { } older ? [new FollowUp($"Undo #{N(older)} instead", $"kb undo entry:{N(older)}")] : [],
            };
        AfterChange();
        var reverted = outcome.Reverted!;
        var undo = outcome.Undo!;
        var text = $"Undid #{N(reverted.Id)} ({AuditText.Summary(reverted, withUndoState: false)}). This undo is audit entry #{N(undo.Id)}; undo it to redo the change.";
        if (backup is not null) text += $" A backup of the database was taken first ({Path.GetFileName(backup)}).";
        return Done(intent, "Change undone", text) with
        {
            Fields = [new("Reverted", $"#{N(reverted.Id)} {reverted.Action} {reverted.TargetType} {reverted.TargetId}"), new("Now", AuditText.Summary(undo))],
            FollowUps = [new FollowUp($"Redo (undo #{N(undo.Id)})", $"kb undo entry:{N(undo.Id)}"), new FollowUp("History", $"kb history id:{reverted.TargetId}")],
        };
    }

    /// <summary>The entry to undo: the named one, or the most recent admin change that is not itself an undo.</summary>
    private static Outcome FindUndoTarget(KnowledgeStore s, int? named)
    {
        AuditEntry? target;
        if (named is { } number)
        {
            target = s.Audit.FindById(number);
            if (target is null) return Outcome.Fail($"There is no audit entry #{N(number)}. kb history lists them.");
            if (!AuditText.Undoable.Contains(target.Action))
                return Outcome.Fail($"Entry #{N(number)} is a {target.Action} report, not an admin change; there is nothing to undo. Change the record itself with kb edit, or undo the admin change it mentions.");
        }
        else
        {
            target = s.Audit.Query().OrderByDescending(a => a.Id).ToEnumerable()
                .FirstOrDefault(a => a.Action != "undo" && AuditText.Undoable.Contains(a.Action));
            if (target is null) return Outcome.Nothing("There is nothing to undo: no admin has changed the knowledge base yet.");
        }
        if (target.UndoneBy is { } by)
        {
            var targetId = target.Id;
            var older = named is null
                ? s.Audit.Query().Where(a => a.Id < targetId).OrderByDescending(a => a.Id).ToEnumerable()
                    .FirstOrDefault(a => a.Action != "undo" && a.UndoneBy == null && AuditText.Undoable.Contains(a.Action))
                : null;
            return Outcome.Nothing(
                $"#{N(target.Id)} ({AuditText.Summary(target, withUndoState: false)}) was already undone by #{N(by)}; nothing changed."
                + (older is null ? "" : $" The change before it is #{N(older.Id)} ({AuditText.Summary(older)})."),
                older?.Id);
        }
        return Outcome.Done(target);
    }

    /// <summary>Puts the fact back as it was before <paramref name="target"/>, if nothing changed it since.</summary>
    private static string? RevertFact(KnowledgeStore s, AuditEntry target, AuditEntry entry, DateTime now)
    {
        var id = target.TargetId;
        var current = s.Facts.FindById(id);
        if (current?.Version != target.FactAfter?.Version)
            return current is null
                ? $"Fact {id} no longer exists, so #{N(target.Id)} cannot be undone."
                : $"Fact {id} changed since #{N(target.Id)} (it is at version {N(current.Version)} now); undo the later changes first (kb history id:{id}).";
        entry.FactBefore = current;
        if (target.FactBefore is null)
        {
            s.Facts.Delete(id);
            return null;
        }
        var restored = target.FactBefore.Clone();
        restored.Version = Math.Max(current?.Version ?? 0, Math.Max(target.FactAfter?.Version ?? 0, restored.Version)) + 1;
        restored.UpdatedAt = now;
        if (current is not null) restored.ShippedHash = current.ShippedHash;
        if (!restored.Removed && Validate(restored, s) is { Count: > 0 } errors)
            return Problems($"#{N(target.Id)} cannot be undone: the fact as it was would no longer be valid", errors);
        MarkOverride(restored);
        s.Facts.Upsert(restored);
        entry.FactAfter = restored;
        return null;
    }

    /// <summary>Puts the document back as it was before <paramref name="target"/> (deleting it if it was new), if nothing changed it since.</summary>
    private static string? RevertDocument(KnowledgeStore s, AuditEntry target, AuditEntry entry, DateTime now)
    {
        var id = target.TargetId;
        var current = s.Documents.FindById(id);
        if (!SameDocument(current, target.DocumentAfter))
            return $"Document {id} changed since #{N(target.Id)}; undo the later changes first (kb history id:{id}).";
        entry.DocumentBefore = current;
        var restored = target.DocumentBefore;
        if (restored is not null) restored.UpdatedAt = now;
        if (ReplaceDocument(s, id, restored) is { } problem)
            return $"#{N(target.Id)} cannot be undone: {problem}";
        entry.DocumentAfter = restored;
        return null;
    }

    private static bool SameDocument(KnowledgeDocument? a, KnowledgeDocument? b) =>
        a is null ? b is null : b is not null && a.ContentHash == b.ContentHash && a.Origin == b.Origin && a.Title == b.Title;
}
