using System.Globalization;

namespace LmcBot.Discord.Load;

/// <summary>What one endpoint sustained: request count, rate and latency percentiles.</summary>
internal sealed record LoadResult(string Endpoint, int Requests, int Errors, int Deferred, TimeSpan Duration, double[] SortedLatenciesMs)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length) - 1)];

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Endpoint} | {Requests} | {RequestsPerSecond:F0} | {Percentile(50):F2} | {Percentile(90):F2} | {Percentile(99):F2} | {SortedLatenciesMs.LastOrDefault():F2} | {Errors} | {Deferred} |");
}
