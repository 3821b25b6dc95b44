using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Deciding;

/// <summary>
/// Stage 6, decide: the best candidate's fitted probability against the threshold chosen on the
/// validation questions. A few real constraints decline and say which: a year the knowledge has no
/// figure for, the n-th meeting of a kind the knowledge has fewer of, the current holder of an office (when no
/// candidate is likely enough). An attribute no candidate holds is the scorer's to weigh (<c>attribute-absent</c>),
/// and an unknown name is decided earlier, before retrieval.
/// </summary>
internal static class Decider
{
    public static Decision Decide(QuestionAnalysis q, KnowledgeIndex index, List<Candidate> ranked, double threshold, bool denseRan)
    {
        if (MissingOrdinal(q, index) is { } noSuchMeeting) return Decline(ranked, threshold, denseRan, "missing-ordinal", noSuchMeeting) with { Certain = true };
        var best = ranked.Count > 0 ? ranked[0] : null;
        if (best is null || best.Probability < threshold)
        {
            // The question names a year, and the series that would answer it has no point in that year.
            if (q.Years.Count > 0 && ranked.Take(3).FirstOrDefault(c => c.Fact?.Fact.Kind == FactKind.Figure
                    && c.Features[FeatureSet.IndexOf("entity-missing")] == 0 && c.Features[FeatureSet.IndexOf("coverage")] >= 0.5) is { Fact: { } figure }
                && !index.Metrics[figure.Fact.Get("metric")!].Any(i => index.Facts[i].Years.Overlaps(q.Years)))
                return Decline(ranked, threshold, denseRan, "missing-year", AnswerComposer.MissingYear(index, figure, q.Years[0]));
            // "Who is the prime minister now?": the knowledge base dates who held an office at a meeting; it never says who holds it today.
            if (q.Asked == Asked.Who && q.WantsLatest && Lexicon.Overlap(q.AllTerms, Lexicon.OfficeWords))
                return new Decision
                {
                    Answer = false, Best = best, Ranked = ranked, DecidedBy = "current-office", Threshold = threshold, DenseRan = denseRan, Certain = true,
                    Reason = "My knowledge base records who held an office at a dated meeting or event, not who holds it now.",
                };
            return new Decision
            {
                Answer = false, Best = best, Ranked = ranked, DecidedBy = "scorer", Threshold = threshold, DenseRan = denseRan,
                Reason = DeclineReason(q, index),
            };
        }
        if (q.Years.Count > 0 && best.Fact is { } fact && fact.Fact.Kind == FactKind.Figure && fact.Years.Count > 0 && !fact.Years.Overlaps(q.Years)
            && !index.Metrics[fact.Fact.Get("metric")!].Any(i => index.Facts[i].Years.Overlaps(q.Years)))
            return Decline(ranked, threshold, denseRan, "missing-year", AnswerComposer.MissingYear(index, fact, q.Years[0]));
        return new Decision { Answer = true, Best = best, Ranked = ranked, DecidedBy = "scorer", Threshold = threshold, DenseRan = denseRan };
    }

    /// <summary>
    /// "When was the fifth leaders' meeting?" when the knowledge base numbers its leaders' meetings and has no fifth:
    /// the meetings of every category the question names, and the ordinal it asks for among none of their numbers.
    /// </summary>
    private static Chat.Answer? MissingOrdinal(QuestionAnalysis q, KnowledgeIndex index)
    {
        if (q.Ordinals.Count != 1 || index.MeetingFacts.Count == 0) return null;
        var categories = q.ContentTerms.Where(index.AllCategoryTerms.Contains).ToList();
        if (categories.Count == 0) return null;
        var meetings = index.MeetingFacts.Where(f => AnswerComposer.ContainsAll(f.CategoryTerms, categories)).ToList();
        var numbers = meetings.Select(f => int.TryParse(f.Fact.Get("number"), out var n) ? n : 0).Where(n => n > 0).Distinct().Order().ToList();
        var asked = q.Ordinals[0];
        if (numbers.Count == 0 || numbers.Contains(asked)) return null;
        return AnswerComposer.MissingMeeting(meetings[0].Fact.Get("type") ?? "meeting", asked, numbers);
    }

    private static Decision Decline(List<Candidate> ranked, double threshold, bool denseRan, string by, Chat.Answer reply) => new()
    {
        Answer = false, Best = ranked.FirstOrDefault(), Ranked = ranked, DecidedBy = by, Threshold = threshold, DenseRan = denseRan, Reply = reply,
    };

    /// <summary>What to tell the user the knowledge base lacks.</summary>
    public static string DeclineReason(QuestionAnalysis q, KnowledgeIndex index)
    {
        if (q.AsksAboutFuture)
            return "My knowledge base has no record of that upcoming event.";
        if (q.AskedAttribute is not null && q.Tokens.FirstOrDefault(t => Lexicon.Term(t) == q.AskedAttribute) is { } word)
            return $"My knowledge base does not give the {word} of that.";
        if (q.UnknownTerms.Count > 0)
            return $"My knowledge base does not cover {AnswerFormatting.JoinAnd(q.UnknownTerms.Select(t => $"\"{t}\"").ToList())}{(q.Mentions.Count > 0 ? " for " + AnswerFormatting.JoinAnd(q.EntityIds.Select(e => index.Entities[e].Name).ToList()) : "")}.";
        if (q.Mentions.Count > 0)
            return $"My knowledge base does not answer that about {AnswerFormatting.JoinAnd(q.EntityIds.Select(e => index.Entities[e].Name).ToList())}.";
        return "My knowledge base does not cover that.";
    }
}
