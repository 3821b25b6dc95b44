using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using LmcBot.Core.Chat;
using LmcBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using LmcBot.Testing;
using LmcBot.Testing.Discord;
using LmcBot.Testing.Teams;

namespace LmcBot.Tests.Hosting;

/// <summary>
/// Stopping under load: requests in flight are answered, deferred Discord answers are still delivered by webhook
/// edit, Teams turns still reply, and requests that arrive during the drain get 503 with Retry-After (or find the
/// listener closed). The real host, a slow scripted bot that honours its cancellation token, loopback fakes of
/// Discord's REST API and the Bot Framework connector.
/// </summary>
public sealed class ShutdownDrainTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Longer than the deferral deadline below, so these answers are completed by webhook edit.</summary>
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FastAnswer = TimeSpan.FromMilliseconds(100);

    private static string Interaction(int n, string question) => $$$"""
        {"id":"11{{{n:D17}}}","application_id":"{{{FakeDiscord.ApplicationId}}}","type":2,"token":"token-{{{n}}}","version":1,
         "guild_id":"2000000000000000000","channel_id":"3000000000000000000",
         "member":{"user":{"id":"4000000000000000000","username":"alice"},"roles":[],"permissions":"0"},
         "data":{"id":"6000000000000000000","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"{{{question}}}"}]}}
        """;

    private static string TeamsMessage(int n, string serviceUrl) => $$$"""
        {"type":"message","id":"act-{{{n}}}","text":"slow question {{{n}}}","channelId":"msteams","serviceUrl":"{{{serviceUrl}}}",
         "from":{"id":"29:user-{{{n}}}","name":"User {{{n}}}"},"conversation":{"id":"a:conversation-{{{n}}}","conversationType":"personal"},
         "recipient":{"id":"28:bot","name":"LmcBot"}}
        """;

    [Fact]
    public async Task StopUnderLoad_AnswersEveryAcceptedRequest_DeliversEveryDeferredAnswer_And503sNewOnes()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        var bot = new ScriptedChatBot
        {
            Respond = async (request, ct) =>
            {
                var question = request.Text ?? request.Options.GetValueOrDefault("question") ?? "";
                // Honours its token, as the real bot's work does: a cancelled token here was a 500 before.
                await Task.Delay(question.StartsWith("slow", StringComparison.Ordinal) ? SlowAnswer : FastAnswer, ct);
                return ScriptedChatBot.Echo(request);
            },
        };
        var settings = BotHost.Settings(discord, "Http");
        settings["Discord:DeferAfter"] = "00:00:00.500";
        settings["Teams:Enabled"] = "true"; // development mode: loopback caller and service URL, no tokens
        settings["Hosting:ShutdownTimeout"] = "00:00:30";
        settings["RateLimits:PerIpPerMinute"] = "0";
        settings["RateLimits:PerUserPerMinute"] = "0";
        settings["RateLimits:PerScopePerMinute"] = "0";
        settings["Hosting:AdminEndpoint"] = "false";
        using var temp = new TempDirectory();
        settings["Knowledge:DatabasePath"] = temp.File("lmcbot.db");
        var app = BotWebHost.Build(["--urls", "http://127.0.0.1:0", .. settings.Select(kv => $"--{kv.Key}={kv.Value}")],
            builder => builder.Services.AddSingleton<IChatBot>(bot));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

        var outcomes = new ConcurrentBag<(string Kind, int Status, string Body, string? RetryAfter)>();
        var n = 0;
        async Task SendDiscordAsync(string question)
        {
            var id = Interlocked.Increment(ref n);
            var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var request = InteractionSigner.SignedPost(BotHost.InteractionsPath, Interaction(id, question), stamp);
            await SendAsync("discord", request);
        }
        async Task SendTeamsAsync()
        {
            var id = Interlocked.Increment(ref n);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(TeamsMessage(id, connector.ServiceUrl), Encoding.UTF8, "application/json"),
            };
            await SendAsync("teams", request);
        }
        async Task SendAsync(string kind, HttpRequestMessage request)
        {
            try
            {
                using var response = await client.SendAsync(request);
                outcomes.Add((kind, (int)response.StatusCode, await response.Content.ReadAsStringAsync(),
                    response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            catch (HttpRequestException)
            {
                outcomes.Add((kind, 0, "", null)); // refused: the listener had closed, as a draining server's does
            }
        }

        // Slow work first: Discord commands that will be deferred, Teams turns that answer after 2 s.
        var slowDiscord = Enumerable.Range(0, 12).Select(i => SendDiscordAsync($"slow question {i}")).ToList();
        var slowTeams = Enumerable.Range(0, 8).Select(_ => SendTeamsAsync()).ToList();
        // Steady fast traffic from 6 callers until the host has stopped.
        using var stopped = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 6).Select(async _ =>
        {
            while (!stopped.IsCancellationRequested)
                await SendDiscordAsync("fast question");
        }).ToList();
        await Task.WhenAll(slowDiscord); // every slow command has been deferred ("thinking…"), its answer still being worked out
        var stopping = app.StopAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));
        await stopped.CancelAsync();
        await Task.WhenAll([.. callers, .. slowTeams]);
        await app.DisposeAsync();

        var all = outcomes.ToList();
        output.WriteLine(string.Join(", ", all.GroupBy(o => (o.Kind, o.Status)).OrderBy(g => g.Key).Select(g => $"{g.Key.Kind} {g.Key.Status}: {g.Count()}")));
        var deferred = all.Where(o => o is { Kind: "discord", Status: 200 } && JsonNode.Parse(o.Body)!["type"]!.GetValue<int>() == 5).ToList();
        // The 12 slow commands are deferred; on a loaded machine a fast one can pass DeferAfter too, and is deferred as well.
        Assert.True(deferred.Count >= 12, $"{deferred.Count} deferred");
        Assert.Contains(all, o => o is { Kind: "discord", Status: 200 } && JsonNode.Parse(o.Body)!["type"]!.GetValue<int>() == 4);
        // No request failed: answered (200), or refused as a draining server refuses (503 + Retry-After, or no connection).
        Assert.All(all, o => Assert.True(o.Status is 200 or 503 or 0, $"{o.Kind}: {o.Status} {o.Body}"));
        // The listener stays open while the Teams requests (waiting for their 2 s turns) drain: callers meanwhile get 503.
        Assert.Contains(all, o => o.Status == 503);
        Assert.All(all.Where(o => o.Status == 503), o => Assert.Equal(RequestGuard.DrainRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), o.RetryAfter));
        // Every deferred answer was delivered: one webhook edit of the original message each, with the answer.
        var edits = discord.Requests.Where(r => r.Method == "PATCH" && r.Path.Contains("/messages/@original", StringComparison.Ordinal)).ToList();
        Assert.Equal(deferred.Count, edits.Count);
        Assert.All(edits, e => Assert.Contains("Answer to: ", e.BodyText));
        Assert.Equal(12, edits.Count(e => e.BodyText.Contains("Answer to: slow question", StringComparison.Ordinal)));
        // Every Teams turn that was accepted replied.
        var teamsAccepted = all.Count(o => o is { Kind: "teams", Status: 200 });
        Assert.Equal(8, teamsAccepted);
        var replies = connector.Delivered.Where(c => c.Type == "message").ToList();
        Assert.Equal(8, replies.Select(c => c.ConversationId).Distinct().Count());
        Assert.Equal(8, replies.Count);
    }
}
