using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LmcBot.Core.Answering.Scoring;

/// <summary>
/// Stage 5b, score: one logistic regression over the named features, P(candidate answers the question)
/// = σ(bias + Σ wᵢ xᵢ). The weights are fitted on the training questions by <c>tests/LmcBot.Fit</c>
/// and committed as <c>Scoring/scorer.json</c>, with the thresholds chosen on the validation questions.
/// </summary>
internal sealed class LogisticModel
{
    public LogisticModel(double bias, IReadOnlyDictionary<string, double> weights)
    {
        Bias = bias;
        Weights = new double[FeatureSet.Count];
        foreach (var (name, weight) in weights) Weights[FeatureSet.IndexOf(name)] = weight;
    }

    public double Bias { get; }

    /// <summary>In <see cref="FeatureSet"/> order; a feature the model does without weighs 0.</summary>
    public double[] Weights { get; }

    public double LogOdds(ReadOnlySpan<float> x)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++) z += Weights[i] * x[i];
        return z;
    }

    public double Probability(ReadOnlySpan<float> x) => 1 / (1 + Math.Exp(-LogOdds(x)));

    /// <summary>
    /// The highest log-odds any candidate can reach: every feature lies in [0, 1], so each contributes at
    /// most its weight when positive. Derived from the weights, never written by hand.
    /// </summary>
    public double UpperBound() => Bias + Weights.Where(w => w > 0).Sum();

    public Dictionary<string, double> Named() =>
        FeatureSet.Names.Select((name, i) => (name, Weights[i])).Where(p => p.Item2 != 0).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);
}

/// <summary>
/// The committed scorer. Per retrieval (lexical alone, or hybrid): a ranker (a conditional logit fitted to put a right
/// candidate first among a question's candidates) and a decide model (a logistic regression over the first
/// candidate's features and its lead, fitted to say how likely that candidate is right: the calibrated
/// probability the threshold applies to). Thresholds are chosen on the validation part.
/// </summary>
internal sealed record ScorerSettings
{
    private const string ResourceName = "LmcBot.Core.Answering.Scoring.scorer.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Decline below this probability (hybrid model): chosen on the validation part.</summary>
    public required double Threshold { get; init; }

    /// <summary>Answer from the lexical model alone, without running the sentence model, at or above this.</summary>
    public required double CascadeThreshold { get; init; }

    /// <summary>
    /// The guarded engine (<see cref="Knowledge.AnsweringEngine.Guarded"/>) declines a question whose best candidate the
    /// pipeline scores under this, whatever the first round's engine would say: chosen on the training part.
    /// </summary>
    public double VetoThreshold { get; init; }

    public required ModelWeights Lexical { get; init; }

    public required ModelWeights Hybrid { get; init; }

    /// <summary>The decide models; without them the ranker's own logistic probability is used.</summary>
    public ModelWeights? LexicalDecide { get; init; }

    public ModelWeights? HybridDecide { get; init; }

    /// <summary>What the fit measured (written by the fit tool; for the record, not read by answering).</summary>
    public Dictionary<string, JsonElement>? Report { get; init; }

    public static ScorerSettings Default { get; } = Load();

    private LogisticModel? _lexical, _hybrid;

    public LogisticModel LexicalModel => _lexical ??= Lexical.ToModel();

    public LogisticModel HybridModel => _hybrid ??= Hybrid.ToModel();

    private LogisticModel? _lexicalDecide, _hybridDecide;

    public LogisticModel? LexicalDecideModel => LexicalDecide is null ? null : _lexicalDecide ??= LexicalDecide.ToModel();

    public LogisticModel? HybridDecideModel => HybridDecide is null ? null : _hybridDecide ??= HybridDecide.ToModel();

    public static ScorerSettings Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return Parse(stream);
    }

    public static ScorerSettings Parse(Stream json)
    {
        var settings = JsonSerializer.Deserialize<ScorerSettings>(json, Json)
            ?? throw new InvalidDataException("scorer.json is empty.");
        foreach (var name in settings.Lexical.Weights.Keys.Concat(settings.Hybrid.Weights.Keys)
                     .Concat(settings.LexicalDecide?.Weights.Keys.AsEnumerable() ?? []).Concat(settings.HybridDecide?.Weights.Keys.AsEnumerable() ?? []))
            if (Array.IndexOf(FeatureSet.Names, name) < 0)
                throw new InvalidDataException($"scorer.json weighs a feature '{name}' that FeatureSet does not define; re-run the fit.");
        return settings;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One model's fitted weights, by feature name.</summary>
internal sealed class ModelWeights
{
    public required double Bias { get; init; }

    public required Dictionary<string, double> Weights { get; init; }

    public LogisticModel ToModel() => new(Bias, Weights);
}
