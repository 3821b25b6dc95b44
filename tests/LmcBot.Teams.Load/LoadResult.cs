namespace LmcBot.Teams.Load;

/// <summary>One measured phase: how many replies arrived, how fast, how late.</summary>
/// <param name="Cpu">Processor time the whole process (client, fakes and bot) used while measuring.</param>
internal sealed record LoadResult(string Label, int Concurrency, TimeSpan Measured, int Sent, double[] LatenciesMs, int Failures, TimeSpan Cpu)
{
    /// <summary>CPU per reply: unlike replies/s, barely moved by other work on a shared machine.</summary>
    public double CpuMicrosecondsPerReply => Replies == 0 ? double.NaN : Cpu.TotalMicroseconds / Replies;

    public int Replies => LatenciesMs.Length;

    public double RepliesPerSecond => Replies / Measured.TotalSeconds;

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];

    /// <summary>Phases of one mode taken together: all their replies over all their measured time.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> phases) => new(
        phases[0].Label,
        phases[0].Concurrency,
        phases.Aggregate(TimeSpan.Zero, (total, phase) => total + phase.Measured),
        phases.Sum(phase => phase.Sent),
        [.. phases.SelectMany(phase => phase.LatenciesMs).Order()],
        phases.Sum(phase => phase.Failures),
        phases.Aggregate(TimeSpan.Zero, (total, phase) => total + phase.Cpu));

    public override string ToString() =>
        $"{Label,-8} {Concurrency,3} conv  {Measured.TotalSeconds,5:F1} s  sent {Sent,6}  replies {Replies,6}  failures {Failures}  "
        + $"{RepliesPerSecond,7:F0}/s  p50 {Percentile(50),6:F2} ms  p90 {Percentile(90),6:F2} ms  p99 {Percentile(99),6:F2} ms  max {LatenciesMs.DefaultIfEmpty(double.NaN).Max(),7:F2} ms  cpu {CpuMicrosecondsPerReply,5:F0} us/reply";
}
