using LmcBot.Core.Answering.Retrieval;
using LmcBot.Core.Chat;

namespace LmcBot.Core.Answering;

/// <summary>
/// Answers a free-text question from the index through the staged pipeline (<see cref="AnswerPipeline"/>),
/// and gives the typed commands their handlers. Pure: the same question against the same index gives the
/// same answer.
/// </summary>
public sealed class AnswerEngine
{
    /// <summary>BM25's term-frequency saturation and length normalisation, the values its authors recommend for short texts.</summary>
    internal const float K1 = 1.2f;
    internal const float B = 0.6f;

    private readonly AnswerPipeline? _pipeline;
    private readonly LegacyAnswerEngine _legacy = new();

    /// <param name="embedder">The sentence model for dense retrieval; null answers from the lexical stage alone.</param>
    /// <param name="pipeline">
    /// Answer through the staged pipeline; false keeps the first round's engine, still the default because the
    /// pipeline does not yet meet the answering issue's gates on the validation questions (docs/ANSWERING.md).
    /// </param>
    public AnswerEngine(ISentenceEmbedder? embedder = null, bool pipeline = false)
    {
        if (pipeline) _pipeline = new AnswerPipeline(embedder, ScorerSettings.Default);
    }

    internal AnswerEngine(ISentenceEmbedder? embedder, ScorerSettings settings) => _pipeline = new AnswerPipeline(embedder, settings);

    /// <summary>Whether answers come from the staged pipeline.</summary>
    public bool UsesPipeline => _pipeline is not null;

    public Answer Answer(string question, KnowledgeIndex index) => _pipeline?.Answer(question, index) ?? _legacy.Answer(question, index);

    /// <summary>Each stage's result for one question (for <c>ask --explain</c>).</summary>
    public string Explain(string question, KnowledgeIndex index)
    {
        if (_pipeline is null) return _legacy.Explain(question, index);
        var trace = new AnswerTrace();
        var answer = _pipeline.Answer(question, index, trace);
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
