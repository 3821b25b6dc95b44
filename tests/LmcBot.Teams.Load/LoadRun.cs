using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LmcBot.Testing.Teams;

namespace LmcBot.Teams.Load;

/// <summary>
/// A closed loop of <c>concurrency</c> conversations, each posting its next message as soon as the
/// previous POST returns, for a fixed time after a warm-up. Latency is from just before the POST to
/// the reply's arrival at the fake connector (matched by replyToId = the activity id).
/// </summary>
internal sealed class LoadRun(FakeBotConnector connector, FakeBotFrameworkIssuer issuer, HttpClient client)
{
    /// <summary>Questions and text commands people ask, so every kind of answer is rendered.</summary>
    private static readonly string[] Questions =
    [
        "Which stops does StarExpress make?",
        "route StarExpress",
        "investors Thailand",
        "citypairs Chiang Mai",
        "When was the China-Laos Railway opened?",
        "Which Chinese EV makers invest in Thailand?",
        "How much was China-Mekong trade in 2024?",
        "sister city of Chiang Mai",
        "trade",
        "What is the Lancang-Mekong Cooperation?",
        "help",
        "about",
    ];

    private int _phases;

    public async Task<LoadResult> RunAsync(string label, Uri url, int concurrency, TimeSpan warmUp, TimeSpan duration)
    {
        // Activity ids are unique across phases, so replies are matched to this phase's requests only.
        var phase = Interlocked.Increment(ref _phases);
        var template = JsonNode.Parse(ActivitySamples.Load("personal-message.json", connector.ServiceUrl, BotUnderLoad.AppId))!.AsObject();
        // Teams reuses a channel token for up to an hour, so each conversation signs one up front.
        var token = issuer.CreateToken(new TokenSpec(BotUnderLoad.AppId, connector.ServiceUrl, DateTimeOffset.UtcNow));

        var starts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var failures = 0;
        var measuring = false;
        var clock = Stopwatch.StartNew();
        var end = warmUp + duration;
        long measuredFrom = 0, measuredTo = 0;
        using var process = Process.GetCurrentProcess();
        var cpuFrom = TimeSpan.Zero;

        async Task Conversation(int number)
        {
            var sent = 0;
            while (clock.Elapsed < end)
            {
                if (!measuring && clock.Elapsed >= warmUp)
                {
                    lock (starts)
                    {
                        if (!measuring)
                        {
                            measuredFrom = Stopwatch.GetTimestamp();
                            cpuFrom = process.TotalProcessorTime;
                            measuring = true;
                        }
                    }
                }
                var id = $"{label}-{phase}-{number}-{sent}";
                var activity = template.DeepClone().AsObject();
                activity["id"] = id;
                activity["text"] = Questions[(number + sent) % Questions.Length];
                activity["conversation"]!["id"] = $"a:load-conversation-{number}";
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var measured = measuring;
                if (measured)
                    starts[id] = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                    Interlocked.Increment(ref failures);
                sent++;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(Conversation));
        measuredTo = Stopwatch.GetTimestamp();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuFrom;

        var latencies = connector.Delivered
            .Where(call => call.ReplyToId is { } id && starts.ContainsKey(id))
            .Select(call => Stopwatch.GetElapsedTime(starts[call.ReplyToId!], call.ReceivedAt).TotalMilliseconds)
            .Order()
            .ToArray();
        return new LoadResult(label, concurrency, Stopwatch.GetElapsedTime(measuredFrom, measuredTo), starts.Count, latencies, failures, cpu);
    }
}
