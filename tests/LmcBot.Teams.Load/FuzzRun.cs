using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LmcBot.Core;
using LmcBot.Testing;
using LmcBot.Testing.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LmcBot.Teams.Load;

/// <summary>
/// The long mutation fuzz of the messaging endpoint (<c>--fuzz N</c>): the same mutator, samples and checks as
/// <c>ActivityFuzzTests</c> (development mode, so every body reaches the parser), for as many bodies as asked, with
/// the real core behind the adapter. Exit 1 on any 5xx other than 501 or error logged. Recorded in docs/PERFORMANCE.md.
/// </summary>
internal static class FuzzRun
{
    private const int Workers = 4;

    public static async Task<int> RunAsync(string root, string databasePath, int bodies, int seed)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.RecordBodies = false;
        var errors = new ErrorCountingLoggerProvider();
        await using var server = await LoopbackServer.StartAsync(app => app.MapTeamsMessaging(), configure: builder =>
        {
            builder.Logging.AddProvider(errors);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Knowledge:DatabasePath"] = databasePath,
                ["Knowledge:Folder"] = Path.Combine(root, "knowledge"),
                ["Teams:Enabled"] = "true",
                ["RateLimits:PerUserPerMinute"] = "0",
                ["RateLimits:PerScopePerMinute"] = "0",
            });
            builder.Services.AddLmcBotCore(builder.Configuration, root);
            builder.Services.AddTeamsAdapter(builder.Configuration);
        });
        using var client = new HttpClient();
        var url = new Uri(server.BaseUrl + "/api/messages");
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => ActivitySamples.Load(Path.GetFileName(path), connector.ServiceUrl, "00000000-0000-0000-0000-000000000000"))
            .ToArray();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        async Task WorkAsync(int worker)
        {
            var mutator = new JsonMutator(seed + worker);
            for (var index = worker; index < bodies; index += Workers)
            {
                var body = mutator.Mutate(samples[index % samples.Length], node =>
                {
                    if (node is JsonObject obj)
                        obj["id"] = (1741000000000L + index).ToString(CultureInfo.InvariantCulture);
                });
                using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                using var response = await client.PostAsync(url, content);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode is >= 500 and not 501)
                    failures.Enqueue($"#{index} ({mutator.LastMutation}): {(int)response.StatusCode}");
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => WorkAsync(worker))));

        var counts = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Teams fuzz: {bodies} bodies, seed {seed}, {clock.Elapsed.TotalSeconds:F0} s: {counts}; 5xx: {failures.Count}; errors logged: {errors.Count}"));
        foreach (var line in failures.Take(10).Concat(errors.First))
            Console.WriteLine("  " + line);
        return failures.IsEmpty && errors.Count == 0 ? 0 : 1;
    }
}
