namespace LmcBot.Core.Answering.Scoring;

/// <summary>
/// The decide model's two features that exist only once the ranker has ordered a question's candidates:
/// how far the first is ahead of the runner-up, and the first's share of the ranker's softmax over all of them.
/// The pipeline and the fit both fill them here, so they cannot drift apart.
/// </summary>
internal static class RankFeatures
{
    private static readonly int Margin = FeatureSet.IndexOf("rank-margin"), Share = FeatureSet.IndexOf("rank-score");

    /// <summary>A lead that stands for "no runner-up": d / (1 + d) of it is 0.91, more than any real lead in the fit data.</summary>
    private const double LoneCandidateLead = 10;

    /// <summary>Clears both features (every candidate but the first has none).</summary>
    public static void Clear(float[] features)
    {
        features[Margin] = 0;
        features[Share] = 0;
    }

    /// <summary>Fills the first candidate's features from the ranker's log-odds of every candidate, the first's at [0] and the largest.</summary>
    public static void Fill(float[] first, IReadOnlyList<double> logOdds)
    {
        var top = logOdds[0];
        var lead = logOdds.Count == 1 ? LoneCandidateLead : top - logOdds[1];
        var total = 0.0;
        foreach (var z in logOdds) total += Math.Exp(z - top);
        first[Margin] = (float)(lead / (1 + lead));
        first[Share] = (float)(1 / total);
    }
}
