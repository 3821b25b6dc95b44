using System.Globalization;
using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Conversations;

/// <summary>
/// <c>kb feedback</c>: the answers people marked "Not right", grouped by question, most often marked first, each with
/// the answer that was given and the facts it stated, paged like <c>kb unanswered</c>. A vote whose facts (or, for an
/// answer quoted from a document, whose documents) were edited or removed since is about an answer that has been
/// dealt with, and is left out.
/// </summary>
internal static class FeedbackReport
{
    /// <summary>Fact ids named per entry; an overview resting on many facts names the first few and how many more.</summary>
    private const int ShownFactIds = 5;

    public static Answer Build(IReadOnlyList<FeedbackVote> votes, KnowledgeIndex index, string? pageText)
    {
        var intent = Intent.KbFeedback;
        var page = KnowledgeEditor.WholeNumber("page", pageText, 1, out var pageError) ?? 1;
        if (pageError is not null) return Answer.Error(intent, ErrorKind.Invalid, pageError);

        var current = votes.Where(v => v.Basis.StillHolds(
                id => index.FactNamed(id)?.Fact.Version,
                id => index.Documents.TryGetValue(id, out var document) ? document.ContentHash : null))
            .ToList();
        var helpful = current.Where(v => v.Kind == VoteKind.Helpful).GroupBy(v => v.AnswerKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var entries = current.Where(v => v.Kind == VoteKind.Wrong)
            .GroupBy(v => v.QuestionKey, StringComparer.Ordinal)
            .Select(g => Entry.Of(g.ToList(), helpful))
            .OrderByDescending(e => e.Count).ThenByDescending(e => e.Last).ThenBy(e => e.QuestionKey, StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0)
            return new Answer
            {
                Answered = true,
                Intent = intent,
                Confidence = 1,
                Private = true,
                Text = "No answer is marked \"Not right\": none was, or every fact such an answer rested on has been edited or removed since.",
            };

        var rows = KnowledgeEditor.Page(entries, page, out var pages, out var tooFar);
        if (rows is null) return Answer.Error(intent, ErrorKind.Invalid, tooFar!);
        var total = entries.Sum(e => e.Count);
        return new Answer
        {
            Answered = true,
            Intent = intent,
            Confidence = 1,
            Private = true,
            Title = $"Answers marked \"Not right\" (page {N(page)} of {N(pages)})",
            Text = (entries.Count == 1
                    ? $"1 question got an answer marked \"Not right\" {Times(total)}."
                    : $"{N(entries.Count)} questions got answers marked \"Not right\", {Times(total)} in all, most often first.")
                + " Check the facts with kb show id:… and fix them with kb edit or kb remove; an answer leaves this list once a fact it rests on changes.",
            Fields = [.. rows.Select(e => new AnswerField($"{N(e.Count)}× \"{AuditText.Shorten(e.Question, 150)}\"", e.Describe()))],
            FollowUps = KnowledgeEditor.PageFollowUps("kb feedback", page, pages),
        };
    }

    /// <summary>The votes on one question: the answer most often marked "Not right" stands for them.</summary>
    private sealed record Entry(string QuestionKey, string Question, int Count, DateTime Last, FeedbackVote Shown, int ShownCount, int OtherAnswers,
        int HelpfulCount, IReadOnlyList<string> Platforms)
    {
        public static Entry Of(List<FeedbackVote> votes, IReadOnlyDictionary<string, int> helpful)
        {
            var byAnswer = votes.GroupBy(v => v.AnswerKey, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(v => v.At)).ToList();
            var latest = votes.MaxBy(v => v.At)!;
            var shown = byAnswer[0].MaxBy(v => v.At)!;
            return new Entry(latest.QuestionKey, latest.Question, votes.Count, latest.At, shown, byAnswer[0].Count(), byAnswer.Count - 1,
                helpful.GetValueOrDefault(shown.AnswerKey), [.. votes.Select(v => v.Platform).Distinct().Order(StringComparer.Ordinal)]);
        }

        public string Describe()
        {
            var parts = new List<string> { $"answered \"{AuditText.Shorten(Shown.AnswerText, 200)}\"" };
            if (Shown.FactIds.Count > 0)
                parts.Add("facts " + string.Join(", ", Shown.FactIds.Take(ShownFactIds))
                    + (Shown.FactIds.Count > ShownFactIds ? $" and {N(Shown.FactIds.Count - ShownFactIds)} more" : ""));
            else if (Shown.DocumentIds.Count > 0)
                parts.Add("quoted from document " + string.Join(", ", Shown.DocumentIds));
            if (OtherAnswers > 0)
                parts.Add($"{N(ShownCount)} of the votes; {N(OtherAnswers)} other answer{(OtherAnswers == 1 ? "" : "s")} to it also marked");
            if (HelpfulCount > 0) parts.Add($"marked \"Helpful\" {Times(HelpfulCount)}");
            parts.Add($"last {Last.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC on {string.Join(", ", Platforms)}");
            return string.Join(" · ", parts);
        }
    }

    private static string Times(int count) => KnowledgeEditor.Times(count);

    private static string N(int value) => KnowledgeEditor.N(value);
}
