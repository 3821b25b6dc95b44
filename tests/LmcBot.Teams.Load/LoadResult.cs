namespace LmcBot.Teams.Load;

/// <summary>One measured phase: how many replies arrived, how fast, how late.</summary>
internal sealed record LoadResult(string Label, int Concurrency, TimeSpan Measured, int Sent, double[] LatenciesMs, int Failures)
{
    public int Replies => LatenciesMs.Length;

    public double RepliesPerSecond => Replies / Measured.TotalSeconds;

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];

    public override string ToString() =>
        $"{Label,-8} {Concurrency,3} conv  {Measured.TotalSeconds,5:F1} s  sent {Sent,6}  replies {Replies,6}  failures {Failures}  "
        + $"{RepliesPerSecond,7:F0}/s  p50 {Percentile(50),6:F2} ms  p90 {Percentile(90),6:F2} ms  p99 {Percentile(99),6:F2} ms  max {LatenciesMs.DefaultIfEmpty(double.NaN).Max(),7:F2} ms";
}
