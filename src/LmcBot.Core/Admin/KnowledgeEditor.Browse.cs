using System.Globalization;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

namespace LmcBot.Core.Admin;

public sealed partial class KnowledgeEditor
{
    private Answer Show(Input input)
    {
        var intent = Intent.KbShow;
        if (input["id"] is not { } id) return Answer.Error(intent, ErrorKind.Invalid, "kb show needs id: (find ids with kb list).");
        var (fact, history, unknown) = Store.Read<(Fact? Fact, List<AuditEntry> History, string? Unknown)>(s =>
        {
            var found = s.Facts.FindById(id);
            return found is null
                ? (null, [], UnknownFact(id, s))
                : (found, s.Audit.Find(a => a.TargetId == id).OrderByDescending(a => a.Id).Take(5).ToList(), null);
        });
        if (fact is null) return Answer.Error(intent, ErrorKind.Invalid, unknown!);
        var status = new List<string> { $"version {N(fact.Version)}", fact.Origin == KnowledgeOrigin.Admin ? "added by an admin" : "shipped" };
        if (fact.AdminOverride) status.Add("changed by an admin (a re-sync of the files leaves it alone)");
        if (fact.Removed) status.Add("REMOVED (kb restore to bring it back)");
        var fields = new List<AnswerField> { new("Kind", fact.Kind) };
        fields.AddRange(FieldRows(fact));
        if (fact.About.Count > 0) fields.Add(new("About", string.Join(", ", fact.About)));
        if (fact.Keywords.Count > 0) fields.Add(new("Keywords", string.Join(", ", fact.Keywords)));
        if (fact.Claim is { } claim) fields.Add(new("Claim", claim));
        fields.Add(new("Cites", AuditText.Source(fact)));
        if (fact.Quote is { Length: > 0 } quote) fields.Add(new("Quote", quote));
        fields.Add(new("State", string.Join("; ", status)));
        fields.Add(new("Updated", fact.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"));
        fields.AddRange(history.Select(AuditText.Field));
        return new Answer
        {
            Answered = true,
            Intent = intent,
            Confidence = 1,
            Private = true,
            Title = $"{fact.Id} ({fact.Kind}, version {N(fact.Version)})",
            Text = fact.Statement,
            Fields = fields,
            Citations = CitationOf(fact) is { } citation ? [citation] : [],
            FollowUps =
            [
                fact.Removed ? new FollowUp("Restore it", $"kb restore id:{id}") : new FollowUp("Remove it", $"kb remove id:{id} version:{N(fact.Version)}"),
                new FollowUp("Full history", $"kb history id:{id}"),
            ],
        };
    }

    private Answer List(Input input)
    {
        var intent = Intent.KbList;
        var kind = input["kind"]?.ToLowerInvariant();
        if (kind is not null && FactKind.Find(kind) is null)
            return Answer.Error(intent, ErrorKind.Invalid, $"Unknown fact kind '{kind}'. Kinds: {string.Join(", ", FactKind.All.Select(k => k.Name))}.");
        var text = input["text"];
        var page = input.Integer("page", 1, out var pageError) ?? 1;
        if (pageError is not null) return Answer.Error(intent, ErrorKind.Invalid, pageError);

        var all = Store.Read(s => kind is null ? s.Facts.FindAll().ToList() : s.Facts.Find(f => f.Kind == kind).ToList());
        var needle = TextFolding.Fold(text);
        var matching = all
            .Where(f => needle.Length == 0 || Searchable(f).Contains(needle, StringComparison.Ordinal))
            .OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        var active = matching.Where(f => !f.Removed).ToList();
        var removed = matching.Count - active.Count;
        var filter = (kind is null ? "" : $" kind:{kind}") + (text is null ? "" : $" text:{Quote(text)}");
        var what = $"{(kind is null ? "" : kind + " ")}facts{(text is null ? "" : $" mentioning \"{text}\"")}";
        if (active.Count == 0)
            return Info(intent, $"No {what}." + (removed switch { 0 => "", 1 => " 1 removed fact matches (kb history shows it).", _ => $" {N(removed)} removed facts match (kb history shows them)." }));
        var rows = Page(active, page, out var pages, out var tooFar);
        if (rows is null) return Answer.Error(intent, ErrorKind.Invalid, tooFar!);
        return new Answer
        {
            Answered = true,
            Intent = intent,
            Confidence = 1,
            Private = true,
            Title = $"{char.ToUpperInvariant(what[0])}{what[1..]} (page {N(page)} of {N(pages)})",
            Text = $"{N(active.Count)} {what}; page {N(page)} of {N(pages)}." + (removed switch { 0 => "", 1 => " 1 removed fact is not shown.", _ => $" {N(removed)} removed facts are not shown." }) + " Show one with kb show id:….",
            Fields = rows.Select(f => new AnswerField(
                $"{f.Id} ({f.Kind}, v{N(f.Version)}{(f.Origin == KnowledgeOrigin.Admin ? ", admin" : f.AdminOverride ? ", changed by an admin" : "")})",
                AuditText.Shorten(f.Statement, 200))).ToList(),
            FollowUps = PageFollowUps($"kb list{filter}", page, pages),
        };
    }

    /// <summary>"once", "3 times": how often something was asked or marked (kb unanswered, kb feedback).</summary>
    internal static string Times(int count) => count == 1 ? "once" : $"{N(count)} times";

    /// <summary>The folded text <c>kb list text:</c> searches: id, statement and field values.</summary>
    private static string Searchable(Fact fact) =>
        " " + TextFolding.Fold(string.Join(' ', new[] { fact.Id.Replace('-', ' '), fact.Statement }.Concat(fact.Fields.Values.SelectMany(v => v)).Concat(fact.About))) + " ";

    private Answer Unanswered(Input input)
    {
        var intent = Intent.KbUnanswered;
        var page = input.Integer("page", 1, out var pageError) ?? 1;
        if (pageError is not null) return Answer.Error(intent, ErrorKind.Invalid, pageError);
        var entries = Store.Read(s => s.Unanswered.FindAll().ToList())
            .OrderByDescending(u => u.Count).ThenByDescending(u => u.LastAsked).ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0)
            return Info(intent, "No unanswered questions: every question asked recently was answered (or none was asked).");
        var rows = Page(entries, page, out var pages, out var tooFar);
        if (rows is null) return Answer.Error(intent, ErrorKind.Invalid, tooFar!);
        var total = entries.Sum(e => e.Count);
        return new Answer
        {
            Answered = true,
            Intent = intent,
            Confidence = 1,
            Private = true,
            Title = $"Unanswered questions (page {N(page)} of {N(pages)})",
            Text = (entries.Count == 1 ? $"1 question was declined {Times(total)}." : $"{N(entries.Count)} different questions were declined {Times(total)} in all, most frequent first.")
                + " Add a fact (kb add …) or import a document (kb import) that answers one and it leaves this list.",
            Fields = rows.Select(u => new AnswerField(
                $"{N(u.Count)}× \"{AuditText.Shorten(u.Question, 150)}\"",
                $"last asked {u.LastAsked.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC on {u.LastPlatform}; first {u.FirstAsked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")).ToList(),
            FollowUps = PageFollowUps("kb unanswered", page, pages),
        };
    }
}
