using System.Diagnostics;
using System.Text.Json.Nodes;
using LmcBot.Discord.Load.Peers;
using LmcBot.Testing.Teams;

namespace LmcBot.Teams.Load.Peers;

/// <summary>
/// The Teams messaging endpoint with real answers (answer cache on, rotating questions, limits off, logging
/// at Warning) against Microsoft's botbuilder JS CloudAdapter doing the same round trip: both authenticate
/// the same channel JWT against this run's OpenID metadata and JWKS, and both post their reply to the same
/// fake connector with a bot token from the same token endpoint, before answering 200. wrk drives both in
/// one run, alternating; see docs/PERFORMANCE.md.
/// </summary>
internal static class TeamsPeerRun
{
    /// <summary>Questions and text commands people ask, as the load run's own mix.</summary>
    private static readonly string[] Questions =
    [
        "Which stops does StarExpress make?", "route StarExpress", "investors Thailand", "citypairs Chiang Mai",
        "When was the China-Laos Railway opened?", "Which Chinese EV makers invest in Thailand?",
        "How much was China-Mekong trade in 2024?", "sister city of Chiang Mai", "trade",
        "What is the Lancang-Mekong Cooperation?", "help", "about",
    ];

    /// <summary>Conversations the prepared activities are spread over (each question in four of them).</summary>
    private const int Conversations = 48;

    public static async Task<int> RunAsync(
        string repositoryRoot, string scratch, BotUnderLoad bot, FakeBotConnector connector, FakeBotFrameworkIssuer issuer,
        FakeTokenEndpoint tokens, int rounds, int warmUpSeconds, int seconds, int[] connectionCounts)
    {
        using var peer = await NodePeer.StartAsync("botbuilder CloudAdapter", repositoryRoot, "teams-peer.js",
            "--app-id", BotUnderLoad.AppId, "--app-password", BotUnderLoad.AppPassword,
            "--openid-metadata", issuer.OpenIdMetadataUrl, "--login-url", $"{tokens.AuthorityHost}/botframework.com");

        // Teams reuses a channel token for up to an hour: one for the whole run, as the in-process load run does.
        var token = issuer.CreateToken(new TokenSpec(BotUnderLoad.AppId, connector.ServiceUrl, DateTimeOffset.UtcNow));
        var template = JsonNode.Parse(ActivitySamples.Load("personal-message.json", connector.ServiceUrl, BotUnderLoad.AppId))!.AsObject();
        IReadOnlyList<WrkRequest> prepared = [.. Enumerable.Range(0, Conversations).Select(i =>
        {
            var activity = template.DeepClone().AsObject();
            activity["id"] = $"load-{i}";
            activity["text"] = Questions[i % Questions.Length];
            activity["conversation"]!["id"] = $"a:load-conversation-{i}";
            return new WrkRequest(activity.ToJsonString(), [new("Authorization", "Bearer " + token)]);
        })];

        var self = Process.GetCurrentProcess();
        TimeSpan SelfCpu()
        {
            self.Refresh();
            return self.TotalProcessorTime;
        }
        ComparisonTarget[] targets =
        [
            new("LmcBot", bot.MessagingUrl, () => prepared, SelfCpu, () => connector.DeliveredCount, () => GC.GetTotalAllocatedBytes()),
            new(peer.Name, new Uri($"http://127.0.0.1:{peer.Port}/api/messages"), () => prepared, () => peer.Cpu, () => connector.DeliveredCount),
        ];

        // Before measuring: both answer every prepared activity with 200 and a reply reaches the connector,
        // and the core's answers to the mix are real ones, not refusals.
        using (var client = new HttpClient())
        {
            foreach (var target in targets)
            {
                foreach (var request in prepared.Take(Questions.Length))
                {
                    var before = connector.DeliveredCount;
                    using var message = new HttpRequestMessage(HttpMethod.Post, target.Url)
                    {
                        Content = new StringContent(request.Body, System.Text.Encoding.UTF8, "application/json"),
                    };
                    message.Headers.TryAddWithoutValidation("Authorization", request.Headers[0].Value);
                    using var response = await client.SendAsync(message);
                    if (!response.IsSuccessStatusCode || connector.DeliveredCount != before + 1)
                        throw new InvalidOperationException($"{target.Name} answered {(int)response.StatusCode} and delivered {connector.DeliveredCount - before} replies");
                }
            }
        }
        bot.Core.Reset();

        var results = await PeerComparison.RunAsync(targets, connectionCounts, rounds,
            TimeSpan.FromSeconds(warmUpSeconds), TimeSpan.FromSeconds(seconds), [], scratch);
        Console.WriteLine($"core: {bot.Core.Calls} answers, {bot.Core.Refused} refused or errors; token fetches {tokens.Calls}");
        // The run fails on LmcBot's errors; a peer's (wrk timeouts under overload) are reported, not failed on.
        return results.Any(r => r.Result.Target == "LmcBot" && r.Result.Errors + r.Result.SocketErrors > 0) || bot.Core.Refused > 0 ? 1 : 0;
    }
}
