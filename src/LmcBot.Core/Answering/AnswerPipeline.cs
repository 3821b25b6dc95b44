using LmcBot.Core.Chat;
using LmcBot.Core.Embedding;

namespace LmcBot.Core.Answering;

/// <summary>
/// The answering stages in data-flow order: normalise → resolve names → read → retrieve → score →
/// decide → compose. A cascade keeps the fast path: when the lexical model alone is confident, or a
/// decline is certain (an unknown name, nothing known in the question), the sentence model does not run.
/// </summary>
internal sealed class AnswerPipeline(ISentenceEmbedder? embedder, ScorerSettings settings)
{
    public ScorerSettings Settings => settings;

    public Answer Answer(string question, KnowledgeIndex index, AnswerTrace? trace = null)
    {
        var normalised = QuestionNormalizer.Normalise(question);
        if (normalised.Folded.Length == 0)
            return AnswerComposer.Decline(index, "I could not find a question in that.", Intent.Empty);
        var names = NameResolver.Resolve(normalised, index);
        var q = QuestionReader.Read(normalised, names);
        if (trace is not null) trace.Question = q;

        if (q.IsGreeting && q.Mentions.Count == 0 && q.ContentTerms.Count == 0) return Early(trace, "smalltalk", AnswerComposer.SmallTalk(q, index));
        if (q.IsHelp && q.Mentions.Count == 0) return Early(trace, "help", new Answer { Answered = false, Intent = Intent.Help, Text = "help", Confidence = 1 });
        if (q.UnknownNames.Count > 0) return Early(trace, "unknown-name", AnswerComposer.UnknownName(index, q.UnknownNames));
        if (q.Mentions.Count == 0 && q.Years.Count == 0 && q.ContentTerms.Count == q.UnknownTerms.Count)
            return Early(trace, "nothing-known", AnswerComposer.Decline(index, "My knowledge base does not cover that.", Intent.Decline));

        var candidates = CandidateRetriever.Lexical(q, index);
        var extractor = new FeatureExtractor(q, index);
        extractor.Extract(candidates);
        Score(candidates, settings.LexicalModel, settings.LexicalDecideModel);
        var lexicalBest = candidates.Count > 0 ? candidates[0].Probability : 0;
        if (trace is not null)
        {
            trace.LexicalBest = lexicalBest;
            trace.CascadeThreshold = settings.CascadeThreshold;
        }
        var denseRan = false;
        var threshold = settings.Threshold;
        if (lexicalBest < settings.CascadeThreshold && embedder is not null && !index.Dense.IsEmpty && index.Dense.ModelId == embedder.ModelId)
        {
            var vector = embedder.Embed([q.CanonicalText])[0];
            CandidateRetriever.AddDense(candidates, vector, index);
            extractor.Extract(candidates);
            Score(candidates, settings.HybridModel, settings.HybridDecideModel);
            denseRan = true;
        }
        var decision = Decider.Decide(q, index, candidates, threshold, denseRan);
        if (trace is not null) trace.Decision = decision;
        var answer = AnswerComposer.Answer(q, index, decision);
        return answer;
    }

    /// <summary>
    /// Stages 1 to 5 without deciding, for fitting the scorer: the question as read, or why it was decided before
    /// retrieval; the lexical candidates with their features; and, when the sentence model is there, the hybrid ones.
    /// </summary>
    internal (QuestionAnalysis? Question, string? Early, List<Candidate> Lexical, List<Candidate>? Hybrid) Inspect(string question, KnowledgeIndex index)
    {
        var trace = new AnswerTrace();
        var normalised = QuestionNormalizer.Normalise(question);
        if (normalised.Folded.Length == 0) return (null, "empty", [], null);
        var q = QuestionReader.Read(normalised, NameResolver.Resolve(normalised, index));
        string? early = q.IsGreeting && q.Mentions.Count == 0 && q.ContentTerms.Count == 0 ? "smalltalk"
            : q.IsHelp && q.Mentions.Count == 0 ? "help"
            : q.UnknownNames.Count > 0 ? "unknown-name"
            : q.Mentions.Count == 0 && q.Years.Count == 0 && q.ContentTerms.Count == q.UnknownTerms.Count ? "nothing-known"
            : null;
        if (early is not null) return (q, early, [], null);
        var lexical = CandidateRetriever.Lexical(q, index);
        new FeatureExtractor(q, index).Extract(lexical);
        if (embedder is null || index.Dense.IsEmpty || index.Dense.ModelId != embedder.ModelId) return (q, null, lexical, null);
        var hybrid = CandidateRetriever.Lexical(q, index);
        CandidateRetriever.AddDense(hybrid, embedder.Embed([q.CanonicalText])[0], index);
        new FeatureExtractor(q, index).Extract(hybrid);
        return (q, null, lexical, hybrid);
    }

    private static Answer Early(AnswerTrace? trace, string by, Answer answer)
    {
        if (trace is not null) trace.DecidedEarly = by;
        return answer;
    }

    /// <summary>
    /// Ranks the candidates by the ranker's log-odds, then gives the first one the decide model's probability
    /// (which also reads its lead over the runner-up); the others keep the ranker's probability.
    /// </summary>
    internal static void Score(List<Candidate> candidates, LogisticModel ranker, LogisticModel? decide)
    {
        foreach (var c in candidates)
        {
            RankFeatures.Clear(c.Features);
            c.Probability = ranker.Probability(c.Features);
        }
        candidates.Sort((a, b) => b.Probability != a.Probability ? b.Probability.CompareTo(a.Probability) : string.CompareOrdinal(a.Key, b.Key));
        if (candidates.Count == 0) return;
        RankFeatures.Fill(candidates[0].Features, [.. candidates.Select(c => ranker.LogOdds(c.Features))]);
        if (decide is not null) candidates[0].Probability = decide.Probability(candidates[0].Features);
    }
}
