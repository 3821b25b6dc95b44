using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>
/// A bounded mutation fuzz of the HTTP interactions endpoint: every recorded sample, mutated by a seeded
/// <see cref="JsonMutator"/>, validly signed, posted over loopback to the adapter in front of the real core bot.
/// Whatever the body, the answer is a response Discord understands or a 4xx, never a 500 or an error logged.
/// </summary>
public sealed class InteractionFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The floor for one run; the load tool's <c>--fuzz</c> mode runs longer.</summary>
    private const int Bodies = 20_000;

    /// <summary>Fixed so a failure can be reproduced; change it to explore other bodies.</summary>
    private const int Seed = 20261204;

    /// <summary>Concurrent posts: enough to keep both cores busy without timing anything.</summary>
    private const int Workers = 4;

    private FakeDiscord _discord = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _host = await BotHost.StartAsync(_discord, TestBot.Shared);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    /// <summary>Every recorded sample, with its placeholders filled as the protocol tests fill them.</summary>
    internal static string[] SampleBodies() =>
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.json").Order(StringComparer.Ordinal)
            .Select(path => Samples.Load(Path.GetFileName(path), ("filename", "a.md"), ("size", "12"),
                ("url", "https://cdn.discordapp.com/a.md"), ("content_type", "text/markdown"), ("custom_id", "q:1"))),
    ];

    [Fact]
    public async Task MutatedSignedBodies_NeverA500OrAnErrorLogged()
    {
        var samples = SampleBodies();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        // Each worker mutates its own share of the bodies from its own seed, so a run is the same whatever the timing.
        async Task WorkAsync(int worker)
        {
            var mutator = new JsonMutator(Seed + worker);
            for (var index = worker; index < Bodies; index += Workers)
            {
                // A fresh id per body, as Discord sends, so each is judged on its content.
                var body = mutator.Mutate(samples[index % samples.Length], root =>
                {
                    if (root is JsonObject obj && obj.ContainsKey("id"))
                        obj["id"] = (1200000000000000000L + index).ToString(CultureInfo.InvariantCulture);
                });
                using var response = await _host.Client.SendAsync(_host.SignedPost(body));
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.Unauthorized)
                    failures.Enqueue($"#{index} ({mutator.LastMutation}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => WorkAsync(worker))));

        output.WriteLine($"{Bodies} bodies in {clock.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        var errors = _host.Logs.Entries.Where(l => l.Level >= LogLevel.Error).Select(l => l.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        Assert.Equal(Bodies, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Bodies / 10, "Too few mutated bodies were still answered to test the dispatcher.");
    }
}
