using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LmcBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>
/// A bounded mutation fuzz of the messaging endpoint: every recorded activity, mutated by a seeded
/// <see cref="JsonMutator"/>, posted over loopback in development mode (a loopback caller needs no token, so every
/// body reaches the parser) to the adapter in front of the real core bot. Never a 500 or an error logged.
/// </summary>
public sealed class ActivityFuzzTests(ITestOutputHelper output)
{
    /// <summary>The floor for one run; the load tool's <c>--fuzz</c> mode runs longer.</summary>
    private const int Bodies = 20_000;

    /// <summary>Fixed so a failure can be reproduced; change it to explore other bodies.</summary>
    private const int Seed = 20261204;

    /// <summary>Concurrent posts: enough to keep both cores busy without timing anything.</summary>
    private const int Workers = 4;

    [Fact]
    public async Task MutatedActivities_NeverA500OrAnErrorLogged()
    {
        await using var host = await TeamsTestHost.StartAsync(development: true);
        host.Connector.RecordBodies = false;
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.json").Order(StringComparer.Ordinal)
            .Select(path => host.Sample(Path.GetFileName(path))).ToArray();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        // Each worker mutates its own share of the bodies from its own seed, so a run is the same whatever the timing.
        async Task WorkAsync(int worker)
        {
            var mutator = new JsonMutator(Seed + worker);
            for (var index = worker; index < Bodies; index += Workers)
            {
                var body = mutator.Mutate(samples[index % samples.Length], root =>
                {
                    if (root is JsonObject obj)
                        obj["id"] = (1741000000000L + index).ToString(CultureInfo.InvariantCulture);
                });
                using var response = await host.PostAsync(body, token: null);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented)
                    failures.Enqueue($"#{index} ({mutator.LastMutation}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => WorkAsync(worker))));

        output.WriteLine($"{Bodies} bodies in {clock.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        var errors = host.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        Assert.Equal(Bodies, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Bodies / 10, "Too few mutated bodies were still accepted to test the handlers.");
    }
}
