using System.Diagnostics;

namespace LmcBot.Discord.Load.Peers;

/// <summary>
/// The Discord interactions endpoint with real answers (answer cache on, rotating questions, limits off,
/// logging at Warning) against Discord's own Node helper, discord-interactions, verifying the same signed
/// requests with the same public key and answering one fixed message: in the README's express form and in
/// a bare node:http form. wrk drives all three in one run, alternating; see docs/PERFORMANCE.md.
/// </summary>
internal static class DiscordPeerRun
{
    /// <summary>An ephemeral reply is a refusal or error notice; type 5 is a deferral: neither is an inline answer.</summary>
    private static readonly string[] BadBodies = ["\"flags\":64", "{\"type\":5}"];

    public static async Task<int> RunAsync(
        string repositoryRoot, string scratch, Uri lmcBot, Func<IReadOnlyList<PreparedRequest>> sign,
        int rounds, int warmUpSeconds, int seconds, int[] connectionCounts)
    {
        using var express = await NodePeer.StartAsync("discord-interactions express", repositoryRoot, "discord-peer.js",
            "--public-key", PreparedRequest.PublicKeyHex, "--style", "express");
        using var bare = await NodePeer.StartAsync("discord-interactions node:http", repositoryRoot, "discord-peer.js",
            "--public-key", PreparedRequest.PublicKeyHex, "--style", "http");

        IReadOnlyList<WrkRequest> Requests() => [.. sign().Select(r => new WrkRequest(
            System.Text.Encoding.UTF8.GetString(r.Body),
            [new("X-Signature-Ed25519", r.Signature), new("X-Signature-Timestamp", r.Timestamp)]))];

        var self = Process.GetCurrentProcess();
        TimeSpan SelfCpu()
        {
            self.Refresh();
            return self.TotalProcessorTime;
        }
        var path = "/discord/interactions";
        ComparisonTarget[] targets =
        [
            new("LmcBot", new Uri(lmcBot, path), Requests, SelfCpu, Allocated: () => GC.GetTotalAllocatedBytes()),
            new(express.Name, new Uri($"http://127.0.0.1:{express.Port}{path}"), Requests, () => express.Cpu),
            new(bare.Name, new Uri($"http://127.0.0.1:{bare.Port}{path}"), Requests, () => bare.Cpu),
        ];

        // Before measuring: every target answers every prepared request with 200, and LmcBot's answers are real ones.
        using (var client = new HttpClient())
        {
            foreach (var target in targets)
            {
                foreach (var prepared in sign())
                {
                    using var request = prepared.ToMessage(target.Url.ToString());
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || BadBodies.Any(body.Contains))
                        throw new InvalidOperationException($"{target.Name} answered {(int)response.StatusCode}: {body}");
                    if (target.Name == "LmcBot")
                        Console.WriteLine($"  sample answer: {body[..Math.Min(140, body.Length)]}…");
                }
            }
        }

        var results = await PeerComparison.RunAsync(targets, connectionCounts, rounds,
            TimeSpan.FromSeconds(warmUpSeconds), TimeSpan.FromSeconds(seconds), BadBodies, scratch);
        // The run fails on LmcBot's errors; a peer's (wrk timeouts under overload) are reported, not failed on.
        return results.Any(r => r.Result.Target == "LmcBot" && r.Result.Errors + r.Result.SocketErrors > 0) ? 1 : 0;
    }
}
