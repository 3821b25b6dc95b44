using System.Diagnostics;
using System.Net;

namespace LmcBot.Discord.Load;

/// <summary>
/// Closed-loop load on loopback: <c>connections</c> workers, each on its own keep-alive connection, sending the next
/// prepared request as soon as the previous answer is read, for a fixed time. Bounded in time; loopback only.
/// </summary>
internal sealed class LoadGenerator(Uri baseAddress, int connections)
{
    public async Task<LoadResult> RunAsync(string name, string path, IReadOnlyList<PreparedRequest> requests, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, DefaultRequestVersion = HttpVersion.Version11 };
        var latencies = new List<double>[connections];
        var errors = 0;
        var deferred = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            var next = worker;
            while (clock.Elapsed < duration)
            {
                var prepared = requests[next++ % requests.Count];
                using var request = prepared.ToMessage(path);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                // An ephemeral reply (flags 64) is a refusal or an error notice, never an answer to these questions.
                if (response.StatusCode != HttpStatusCode.OK || body.AsSpan().IndexOf("\"flags\":64"u8) >= 0)
                    Interlocked.Increment(ref errors);
                else if (body.AsSpan().SequenceEqual("{\"type\":5}"u8))
                    Interlocked.Increment(ref deferred);
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, errors, deferred, clock.Elapsed, all);
    }
}
