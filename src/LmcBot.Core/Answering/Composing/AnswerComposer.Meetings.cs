using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Composing;

internal static partial class AnswerComposer
{
    /// <summary>"The fifth leaders' meeting" when the knowledge base has the first to the fourth: say so, and offer the last one held.</summary>
    internal static Answer MissingMeeting(string type, int asked, IReadOnlyList<int> numbers)
    {
        static string Word(int n) => n < Lexicon.OrdinalWords.Length ? Lexicon.OrdinalWords[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var held = numbers.Count > 1 && numbers[^1] - numbers[0] == numbers.Count - 1
            ? $"the {Word(numbers[0])} to the {Word(numbers[^1])}"
            : "the " + AnswerFormatting.JoinAnd([.. numbers.Select(Word)]);
        return new Answer
        {
            Answered = false,
            Intent = Intent.Decline,
            Confidence = 0,
            Text = $"My knowledge base has no record of a {Word(asked)} LMC {type}; it has {held}.",
            FollowUps = [FollowUp.Ask($"When was the {Word(numbers[^1])} LMC {type.Replace("'", "", StringComparison.Ordinal)}?")],
        };
    }

    /// <summary>
    /// "List the foreign ministers' meetings", "How many leaders' meetings have there been?": every
    /// meeting of the types the question names, one line each in date order, with what the knowledge
    /// base lacks (a number missing from the run) said plainly. Facts about the same meeting (its date,
    /// its attendees, its outcomes) make one line; where sources give two dates, the date most of them
    /// give, from the best-graded source.
    /// </summary>
    internal static Answer? MeetingList(QuestionAnalysis q, KnowledgeIndex index)
    {
        if (q.KindAffinity(FactKind.Meeting) == 0 || q.Ordinals.Count > 0 || index.MeetingFacts.Count == 0) return null;
        var howMany = q.AllTerms.Contains("how") && q.AllTerms.Contains("many");
        if (!howMany && !Array.Exists(q.Tokens, Lexicon.ListCues.Contains)) return null;

        var categories = q.ContentTerms.Where(index.AllCategoryTerms.Contains).ToList();
        var required = FeatureExtractor.RequiredEntities(q, index);
        var matching = index.MeetingFacts.Where(f =>
                ContainsAll(f.CategoryTerms, categories)
                && f.Entities.IsSupersetOf(required)
                && (q.Years.Count == 0 || f.Years.Overlaps(q.Years)))
            .ToList();
        if (matching.Count == 0) return null;
        // Words beyond the meeting and its type ("what did the meetings decide about water") ask about
        // something a list does not answer.
        var other = q.ContentTerms.Where(t => !categories.Contains(t) && !Lexicon.KindCues[FactKind.Meeting].Contains(t) && !Lexicon.ListCues.Contains(t)
            && !Lexicon.LightVerbs.Contains(t) && !Lexicon.WhenCues.Contains(t)).ToList();
        if (other.Count > 0) return null;

        var meetings = matching
            .GroupBy(f => (Type: f.Fact.Get("type") ?? "", Key: f.Fact.Get("number") ?? f.Fact.Get("date") ?? f.Fact.Id))
            .Select(g =>
            {
                var date = g.GroupBy(f => f.Fact.Get("date") ?? "").OrderByDescending(d => d.Count()).ThenBy(d => d.Min(f => f.GradeRank)).First().Key;
                return g.Where(f => (f.Fact.Get("date") ?? "") == date).OrderBy(f => f.GradeRank).ThenBy(f => f.Fact.Id.Length).First();
            })
            .OrderBy(f => f.Fact.Get("date") ?? "", StringComparer.Ordinal)
            .ToList();
        var types = meetings.Select(f => f.Fact.Get("type") ?? "meeting").Distinct().ToList();
        var label = types.Count == 1 ? $"LMC {(meetings.Count == 1 ? types[0] : Plural(types[0]))}" : "LMC meetings";

        var lines = meetings.Select(f =>
        {
            var number = f.Fact.Get("number") is { } n && int.TryParse(n, out var k) && k < Lexicon.OrdinalWords.Length ? Lexicon.OrdinalWords[k] + " " : "";
            var kind = types.Count == 1 ? "" : (f.Fact.Get("type") ?? "meeting") + " ";
            var where = f.Fact.Get("place") is { } place ? $", {place}" : "";
            var when = f.Fact.Get("date") is { } date ? FactDate.Readable(date) : "undated";
            return $"{number}{kind}({when}{where})".Trim();
        }).ToList();

        var missing = new List<string>();
        // Gaps in the numbering are worth saying only of the whole run, not of a filtered part of it.
        if (types.Count == 1 && required.Count == 0 && q.Years.Count == 0)
        {
            var numbers = meetings.Select(f => int.TryParse(f.Fact.Get("number"), out var n) ? n : 0).Where(n => n > 0).ToList();
            if (numbers.Count > 1)
                for (var n = 1; n < numbers.Max(); n++)
                    if (!numbers.Contains(n) && n < Lexicon.OrdinalWords.Length) missing.Add(Lexicon.OrdinalWords[n]);
        }
        var text = $"{meetings.Count} {label} in my knowledge base: {string.Join("; ", lines)}."
            + (missing.Count > 0 ? $" I have no reliable record of the {AnswerFormatting.JoinAnd(missing)}." : "");
        return new Answer
        {
            Answered = true,
            Intent = Intent.MeetingList,
            Confidence = 0.9,
            Title = char.ToUpperInvariant(label[0]) + label[1..],
            Text = text,
            Fields = meetings.Select((f, i) => new AnswerField(f.Fact.Get("number") is { } n ? $"#{n}" : f.Fact.Get("type") ?? "meeting", lines[i])).ToList(),
            Citations = meetings.Select(f => f.Citation).OfType<Citation>().DistinctBy(c => (c.DocumentId, c.Quote)).ToList(),
            FactIds = [.. meetings.Select(f => f.Fact.Id).Distinct()],
            FollowUps = meetings.Count > 0 ? [FollowUp.Ask($"Tell me about the latest {types[0].Replace("'", "", StringComparison.Ordinal)}")] : [],
        };

        static string Plural(string type) => type.EndsWith("meeting", StringComparison.Ordinal) ? type + "s" : type;
    }
}
