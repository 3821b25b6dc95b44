using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LmcBot.Core;
using LmcBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LmcBot.Discord.Load;

/// <summary>
/// The long mutation fuzz of the interactions endpoint (<c>--fuzz N</c>): the same mutator, samples and checks as
/// <c>InteractionFuzzTests</c>, for as many bodies as asked, against the host wired as in production. Exit 1 on any
/// 5xx or error logged. Recorded in docs/PERFORMANCE.md.
/// </summary>
internal static class FuzzRun
{
    private const int Workers = 4;

    public static async Task<int> RunAsync(string repoRoot, string workDirectory, int bodies, int seed)
    {
        // Discord's API for deferred answers (a loaded machine defers some): accepts every follow-up, so a failed
        // delivery to a dead address is not mistaken for a crash.
        var sinkBuilder = WebApplication.CreateSlimBuilder();
        sinkBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        sinkBuilder.Logging.ClearProviders();
        await using var sink = sinkBuilder.Build();
        sink.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        await sink.StartAsync();

        var errors = new ErrorCountingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(errors);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:DatabasePath"] = Path.Combine(workDirectory, "fuzz.db"),
            ["Knowledge:Folder"] = Path.Combine(repoRoot, "knowledge"),
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = PreparedRequest.PublicKeyHex,
            ["Discord:ApiBaseUrl"] = sink.Urls.First() + "/api/v10",
            ["RateLimits:PerUserPerMinute"] = "0",
            ["RateLimits:PerScopePerMinute"] = "0",
        });
        builder.Services.AddLmcBotCore(builder.Configuration, repoRoot);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        await using var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var samples = Directory.GetFiles(Path.Combine(repoRoot, "tests", "LmcBot.Discord.Tests", "Samples"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => File.ReadAllText(path).Replace("{token}", "fuzz-token", StringComparison.Ordinal)
                .Replace("{filename}", "a.md", StringComparison.Ordinal).Replace("{size}", "12", StringComparison.Ordinal)
                .Replace("{url}", "https://cdn.discordapp.com/a.md", StringComparison.Ordinal)
                .Replace("{content_type}", "text/markdown", StringComparison.Ordinal).Replace("{custom_id}", "q:1", StringComparison.Ordinal))
            .ToArray();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        async Task WorkAsync(int worker)
        {
            var mutator = new JsonMutator(seed + worker);
            for (var index = worker; index < bodies; index += Workers)
            {
                var body = mutator.Mutate(samples[index % samples.Length], root =>
                {
                    if (root is JsonObject obj && obj.ContainsKey("id"))
                        obj["id"] = (1200000000000000000L + index).ToString(CultureInfo.InvariantCulture);
                });
                var request = PreparedRequest.Sign(body, DateTimeOffset.UtcNow);
                using var response = await client.SendAsync(request.ToMessage("/discord/interactions"));
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.Unauthorized)
                    failures.Enqueue($"#{index} ({mutator.LastMutation}): {(int)response.StatusCode}");
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => WorkAsync(worker))));
        await app.StopAsync();

        var counts = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Discord fuzz: {bodies} bodies, seed {seed}, {clock.Elapsed.TotalSeconds:F0} s: {counts}; 5xx or 401: {failures.Count}; errors logged: {errors.Count}"));
        foreach (var line in failures.Take(10).Concat(errors.First))
            Console.WriteLine("  " + line);
        return failures.IsEmpty && errors.Count == 0 ? 0 : 1;
    }
}
