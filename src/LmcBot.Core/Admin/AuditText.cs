using System.Globalization;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Admin;

/// <summary>How audit entries read in <c>kb history</c> and <c>kb show</c>: who, when, where, and what changed.</summary>
internal static class AuditText
{
    /// <summary>Actions <c>kb undo</c> can revert (a sync conflict report changed nothing the admins did).</summary>
    public static readonly HashSet<string> Undoable = new(StringComparer.Ordinal) { "add", "edit", "remove", "restore", "import", "undo" };

    public static AnswerField Field(AuditEntry entry) => new(Heading(entry), Summary(entry));

    /// <summary>"#12 · 2026-11-28 15:43 UTC · Discord · Alice (1234)"</summary>
    public static string Heading(AuditEntry entry) =>
        $"#{entry.Id.ToString(CultureInfo.InvariantCulture)} · {entry.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · {entry.Platform} · {entry.UserName} ({entry.UserId})";

    /// <summary>"edit fact starexpress-route: launched 2024 → 2024-09-24 (undone by #14)"</summary>
    public static string Summary(AuditEntry entry, bool withUndoState = true)
    {
        var text = $"{entry.Action} {entry.TargetType} {entry.TargetId}";
        var changes = entry.TargetType == "fact" ? Changes(entry.FactBefore, entry.FactAfter) : DocumentChange(entry.DocumentBefore, entry.DocumentAfter);
        if (entry.Action == "sync-conflict" && entry.Note is { Length: > 0 } note) text += $": {note}";
        if (changes.Length > 0) text += (entry.Action == "sync-conflict" ? "; files vs kept: " : ": ") + changes;
        if (entry.Undoes is { } undoes) text += $" (reverts #{undoes.ToString(CultureInfo.InvariantCulture)})";
        if (withUndoState && entry.UndoneBy is { } by) text += $" (undone by #{by.ToString(CultureInfo.InvariantCulture)})";
        return text;
    }

    /// <summary>What differs between two versions of a fact, field by field.</summary>
    public static string Changes(Fact? before, Fact? after)
    {
        if (before is null && after is null) return "";
        if (before is null) return $"added \"{Shorten(after!.Statement)}\"";
        if (after is null) return $"deleted \"{Shorten(before.Statement)}\"";
        var parts = new List<string>();
        if (before.Removed != after.Removed) parts.Add(after.Removed ? "removed" : "restored");
        void Compare(string name, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
                parts.Add($"{name} {Shown(a)} → {Shown(b)}");
        }
        Compare("statement", before.Statement, after.Statement);
        foreach (var name in before.Fields.Keys.Union(after.Fields.Keys).Order(StringComparer.Ordinal))
            Compare(name, string.Join(", ", before.GetList(name)), string.Join(", ", after.GetList(name)));
        Compare("about", string.Join(", ", before.About), string.Join(", ", after.About));
        Compare("keywords", string.Join(", ", before.Keywords), string.Join(", ", after.Keywords));
        Compare("claim", before.Claim, after.Claim);
        Compare("source", Source(before), Source(after));
        Compare("quote", before.Quote, after.Quote);
        return string.Join("; ", parts);
    }

    /// <summary>"document lmc-seed-article", "url https://…", or "admin note".</summary>
    public static string Source(Fact fact) =>
        fact.AdminNote ? "admin note (unsourced)"
        : fact.SourceUrl is { Length: > 0 } url ? $"web page {url}"
        : fact.DocumentId is { Length: > 0 } document ? $"document {document}"
        : "none";

    private static string DocumentChange(KnowledgeDocument? before, KnowledgeDocument? after)
    {
        if (before is null && after is null) return "";
        if (before is null) return $"added \"{after!.Title}\" ({Paragraphs(after)})";
        if (after is null) return $"deleted \"{before.Title}\" ({Paragraphs(before)})";
        return before.ContentHash == after.ContentHash && before.Title == after.Title
            ? $"\"{after.Title}\" unchanged"
            : $"\"{before.Title}\" ({Paragraphs(before)}, {Origin(before)}) → \"{after.Title}\" ({Paragraphs(after)}, {Origin(after)})";
    }

    private static string Paragraphs(KnowledgeDocument document) =>
        $"{document.Paragraphs().Count.ToString(CultureInfo.InvariantCulture)} paragraphs";

    private static string Origin(KnowledgeDocument document) => document.Origin == KnowledgeOrigin.Admin ? "imported" : "shipped";

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(none)" : $"\"{Shorten(value)}\"";

    public static string Shorten(string text, int max = 120) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
