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
        var lead = logOdds.Count == 1 ? LoneCandidateLead : logOdds[0] - logOdds[1];
        first[Margin] = (float)(lead / (1 + lead));
        first[Share] = (float)(1 / Total(logOdds));
    }

    /// <summary>
    /// Every candidate's share of the ranker's softmax, from the log-odds of all of them, the largest at [0] (the first's
    /// share is its <c>rank-score</c>). "Did you mean" compares the shares of candidates about different subjects.
    /// </summary>
    public static double[] Shares(IReadOnlyList<double> logOdds)
    {
        var total = Total(logOdds);
        var shares = new double[logOdds.Count];
        for (var i = 0; i < shares.Length; i++) shares[i] = Math.Exp(logOdds[i] - logOdds[0]) / total;
        return shares;
    }

    /// <summary>Σ exp(z − z₀): the softmax's denominator relative to the first candidate's.</summary>
    private static double Total(IReadOnlyList<double> logOdds)
    {
        var total = 0.0;
        foreach (var z in logOdds) total += Math.Exp(z - logOdds[0]);
        return total;
    }
}
