using LmcBot.Core.Chat;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering;

/// <summary>
/// Answers a free-text question from the index with the engine of its <see cref="Mode"/> (by default the first
/// round's engine under the veto of the staged pipeline, <see cref="AnswerPipeline"/>), and gives the typed commands
/// their handlers. Pure: the same question against the same index gives the
/// same answer.
/// </summary>
public sealed class AnswerEngine
{
    /// <summary>BM25's term-frequency saturation and length normalisation, the values its authors recommend for short texts.</summary>
    internal const float K1 = 1.2f;
    internal const float B = 0.6f;

    private readonly AnswerPipeline? _pipeline;
    private readonly AnsweringEngine _mode;

    /// <param name="embedder">The sentence model for dense retrieval; null answers from the lexical stage alone.</param>
    /// <param name="mode">
    /// Which engine answers (<see cref="AnsweringEngine"/>): by default the first round's engine guarded by the
    /// pipeline's calibrated veto; the pipeline alone does not yet meet the answering issue's gates (docs/ANSWERING.md).
    /// </param>
    public AnswerEngine(ISentenceEmbedder? embedder = null, AnsweringEngine mode = AnsweringEngine.Guarded)
    {
        _mode = mode;
        if (mode != AnsweringEngine.Legacy) _pipeline = new AnswerPipeline(embedder, ScorerSettings.Default);
    }

    /// <param name="embedder">The sentence model for dense retrieval.</param>
    /// <param name="pipeline">The staged pipeline alone (true) or the first round's engine alone (false).</param>
    public AnswerEngine(ISentenceEmbedder? embedder, bool pipeline) : this(embedder, pipeline ? AnsweringEngine.Pipeline : AnsweringEngine.Legacy)
    {
    }

    /// <summary>The pipeline alone with settings of the caller's (the fit sweeps thresholds with it).</summary>
    internal AnswerEngine(ISentenceEmbedder? embedder, ScorerSettings settings)
    {
        _mode = AnsweringEngine.Pipeline;
        _pipeline = new AnswerPipeline(embedder, settings);
    }

    /// <summary>Which engine answers.</summary>
    public AnsweringEngine Mode => _mode;

    public Answer Answer(string question, KnowledgeIndex index)
    {
        if (_mode == AnsweringEngine.Legacy) return LegacyAnswerEngine.Answer(question, index);
        var trace = new AnswerTrace();
        var answer = _mode == AnsweringEngine.Pipeline ? _pipeline!.Answer(question, index, trace) : Guarded(question, index, trace).Answer;
        Remember(question, index, trace);
        return answer;
    }

    /// <summary>
    /// The pipeline's traces of the last questions answered, so <see cref="Rank"/> right after an answer (the "did you
    /// mean" of the same request) does not run the pipeline again. Bounded: a full memo starts again empty.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (KnowledgeIndex Index, AnswerTrace Trace)> _recent = new(StringComparer.Ordinal);

    private const int RecentTraces = 64;

    private void Remember(string question, KnowledgeIndex index, AnswerTrace trace)
    {
        if (_recent.Count >= RecentTraces) _recent.Clear();
        _recent[question] = (index, trace);
    }

    /// <summary>
    /// The guarded engine: the pipeline reads and scores the question; a certain decline (an unknown name, nothing
    /// known, the n-th meeting of a kind the knowledge has fewer of, the current holder of an office) or a best candidate under the veto threshold is the pipeline's decline, anything else the first
    /// round's answer.
    /// </summary>
    private (Answer Answer, bool Vetoed) Guarded(string question, KnowledgeIndex index, AnswerTrace? trace)
    {
        trace ??= new AnswerTrace();
        var checkedAnswer = _pipeline!.Answer(question, index, trace);
        var vetoed = VetoScore(trace, checkedAnswer) < _pipeline.Settings.VetoThreshold;
        return vetoed ? (checkedAnswer, true) : (LegacyAnswerEngine.Answer(question, index), false);
    }

    /// <summary>The score a veto threshold is held against: below it, the pipeline's decline stands.</summary>
    internal const double CertainDecline = -1;

    /// <summary>
    /// How sure the pipeline's answer to one question leaves the guard that it is not a decline: <see cref="CertainDecline"/>
    /// for an unknown name, nothing known or a certain constraint; the best candidate's probability (0 with none) when the
    /// pipeline declined; positive infinity (never vetoed) when it answered, or when the question is an overview of a
    /// named entity ("tell me about Cambodia"), which the scorer was not fitted to judge. The fit sweeps thresholds
    /// over this same score.
    /// </summary>
    internal static double VetoScore(AnswerTrace trace, Answer pipelineAnswer)
    {
        if (trace.DecidedEarly is "unknown-name" or "nothing-known" || trace.Decision?.Certain == true) return CertainDecline;
        if (pipelineAnswer.Answered || trace.Decision is not { } decision) return double.PositiveInfinity;
        if (trace.Question is { Asked: Asked.Overview, ContentTerms.Count: 0, Mentions.Count: > 0 }) return double.PositiveInfinity;
        return decision.Ranked.Count == 0 ? 0 : decision.Ranked[0].Probability;
    }

    /// <summary>
    /// The pipeline's ranking of <paramref name="question"/>'s candidates with their softmax shares, or null when there is
    /// none to read: the first round's engine alone, a question decided before retrieval, or a decline by a constraint
    /// (an unknown name, a year or meeting the knowledge lacks, the current holder of an office).
    /// </summary>
    internal CandidateRanking? Rank(string question, KnowledgeIndex index)
    {
        if (_pipeline is null) return null;
        if (!_recent.TryGetValue(question, out var recent) || !ReferenceEquals(recent.Index, index))
        {
            recent = (index, new AnswerTrace());
            _pipeline.Answer(question, index, recent.Trace);
        }
        var trace = recent.Trace;
        if (trace.DecidedEarly is not null || trace.Question is not { } q || trace.Decision is not { DecidedBy: "scorer", Ranked.Count: > 0 } decision)
            return null;
        // The ranker that ordered them: the hybrid one when the sentence model ran (the decide model only rescored the first).
        var ranker = decision.DenseRan ? _pipeline.Settings.HybridModel : _pipeline.Settings.LexicalModel;
        return new CandidateRanking(q, decision.Ranked, RankFeatures.Shares([.. decision.Ranked.Select(c => ranker.LogOdds(c.Features))]));
    }

    /// <summary>Each stage's result for one question (for <c>ask --explain</c>).</summary>
    public string Explain(string question, KnowledgeIndex index)
    {
        if (_mode == AnsweringEngine.Legacy) return LegacyAnswerEngine.Explain(question, index);
        var trace = new AnswerTrace();
        if (_mode == AnsweringEngine.Guarded)
        {
            var (guarded, vetoed) = Guarded(question, index, trace);
            var veto = _pipeline!.Settings.VetoThreshold.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            return trace.Render(index) + Environment.NewLine
                + (vetoed ? $"guard: vetoed by the pipeline (a certain decline, or its best candidate under {veto})" : $"guard: passed to the first round's engine (the pipeline's best is at or above {veto})")
                + Environment.NewLine + $"compose: {(guarded.Answered ? "answered" : "declined")} ({guarded.Intent}): {guarded.Text}";
        }
        var answer = _pipeline!.Answer(question, index, trace);
        return trace.Render(index) + Environment.NewLine + $"compose: {(answer.Answered ? "answered" : "declined")} ({answer.Intent}): {answer.Text}";
    }

    /// <summary>What one occurrence of a term adds to a fact's lexical score (BM25).</summary>
    internal static float TermWeight(float idf, float tf, float length, float averageLength) =>
        idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * length / averageLength));

    internal static Answer Route(KnowledgeIndex index, IndexedEntity route) => AnswerComposer.Route(index, route);

    internal static Answer Metric(KnowledgeIndex index, string metric, int? year) => LegacyAnswerEngine.Metric(index, metric, year);

    internal static Answer CityPairs(KnowledgeIndex index, IndexedEntity city, IndexedEntity? other, double confidence) =>
        AnswerComposer.CityPairs(index, city, other, confidence);

    internal static Answer Investors(KnowledgeIndex index, IndexedEntity? country, string? sector, IndexedEntity? investor, double confidence) =>
        AnswerComposer.Investors(index, country, sector, investor, confidence);

    internal static List<string> Topics(KnowledgeIndex index) => AnswerComposer.Topics(index);

    internal static List<FollowUp> ExampleFollowUps(KnowledgeIndex index) => AnswerComposer.ExampleFollowUps(index);
}
