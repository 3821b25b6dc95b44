using System.Globalization;

namespace LmcBot.Discord.Load.Peers;

/// <summary>One endpoint under test: LmcBot or a peer.</summary>
/// <param name="Requests">Prepared afresh for every phase (Discord's signatures carry a timestamp that must be recent).</param>
/// <param name="Cpu">The serving process's processor time so far.</param>
/// <param name="Delivered">Where a reply is posted elsewhere (Teams), how many have arrived so far; a request answered 200 without one is an error.</param>
/// <param name="Allocated">For LmcBot (in this process): bytes allocated so far, all threads.</param>
internal sealed record ComparisonTarget(
    string Name, Uri Url, Func<IReadOnlyList<WrkRequest>> Requests, Func<TimeSpan> Cpu, Func<long>? Delivered = null,
    Func<long>? Allocated = null);

/// <summary>
/// LmcBot and its peers under the same wrk load in one run: for each connection count, every target is
/// warmed up unmeasured, then measured round by round in mirrored order (A B C, C B A, ...), so drift in the
/// machine's other load weighs on every target alike. Ratios are LmcBot over a peer within the same round.
/// </summary>
internal static class PeerComparison
{
    public static async Task<IReadOnlyList<(int Round, WrkResult Result)>> RunAsync(
        IReadOnlyList<ComparisonTarget> targets, IReadOnlyList<int> connectionCounts, int rounds,
        TimeSpan warmUp, TimeSpan duration, string[] badBodies, string scratch)
    {
        var all = new List<(int, WrkResult)>();
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, load average {LoadAverage()}");
        foreach (var connections in connectionCounts)
        {
            foreach (var target in targets)
                await Wrk.RunAsync(target.Name, target.Url, target.Requests(), connections, warmUp, badBodies, target.Cpu, target.Delivered, target.Allocated, scratch);
            Console.WriteLine();
            Console.WriteLine($"{connections} connections, {duration.TotalSeconds:F0} s per phase, load average before {LoadAverage()}");
            Console.WriteLine("| round | target | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU µs/request | allocated B/request | GCs (0/1/2) |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var target in round % 2 == 1 ? targets : targets.Reverse())
                {
                    var result = await Wrk.RunAsync(target.Name, target.Url, target.Requests(), connections, duration, badBodies, target.Cpu, target.Delivered, target.Allocated, scratch);
                    Console.WriteLine(result.Row(round));
                    all.Add((round, result));
                }
            }
            Summarise(all.Where(r => r.Item2.Connections == connections).ToList(), targets[0].Name);
        }
        return all;
    }

    private static void Summarise(IReadOnlyList<(int Round, WrkResult Result)> results, string lmcBot)
    {
        Console.WriteLine();
        foreach (var peer in results.Select(r => r.Result.Target).Distinct().Where(t => t != lmcBot))
        {
            var ratios = results.Where(r => r.Result.Target == lmcBot)
                .Join(results.Where(r => r.Result.Target == peer), a => a.Round, b => b.Round,
                    (a, b) => a.Result.RequestsPerSecond / b.Result.RequestsPerSecond)
                .Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{lmcBot} / {peer} req/s, per round: {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} (median {Median(ratios):F2}, spread {ratios[0]:F2}–{ratios[^1]:F2})"));
        }
        foreach (var target in results.Select(r => r.Result.Target).Distinct())
        {
            var mine = results.Where(r => r.Result.Target == target).Select(r => r.Result).ToArray();
            var rates = mine.Select(r => r.RequestsPerSecond).Order().ToArray();
            var p99 = mine.Select(r => r.P99Ms).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target}: req/s median {Median(rates):F0} ({rates[0]:F0}–{rates[^1]:F0}); p99 median {Median(p99):F2} ms (worst {p99[^1]:F2}); errors {mine.Sum(r => r.Errors + r.SocketErrors)}; CPU µs/request median {Median([.. mine.Select(r => r.ServerCpuMicrosecondsPerRequest).Order()]):F0}"));
        }
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
