using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace LmcBot.Tests.Hosting;

/// <summary>
/// Bodies from anyone, before any signature or token is checked: too slow, too large, chunked past the limit. Each
/// is refused with one warning line and a counted rejection, never an error with a stack trace.
/// </summary>
[Collection(ProcessWideMetricsCollection.Name)]
public sealed partial class UnauthenticatedBodyTests
{
    private const string DiscordPath = "/discord/interactions";
    private const string TeamsPath = "/api/messages";

    /// <summary>RFC 8032's first Ed25519 test key: a valid public key nobody here signs with.</summary>
    private const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private static Task<HostFixture> StartAsync(RecordedLogs logs) => HostFixture.StartAsync(
        new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = PublicKey,
            ["Teams:Enabled"] = "true", // development mode: loopback callers, no token
            ["RateLimits:PerIpPerMinute"] = "0",
            ["Logging:LogLevel:Default"] = "Debug",
        },
        configure: builder =>
        {
            builder.Logging.AddProvider(logs);
            // Kestrel's default is 240 bytes/s after a 5 s grace period; 1.5 s (its minimum) keeps the test short, same code path.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(1.5)));
        });

    private static string Head(string path, string framing) =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Signature-Ed25519: {new string('0', 128)}\r\nX-Signature-Timestamp: 1700000000\r\n{framing}\r\n\r\n";

    /// <summary>Sends <paramref name="head"/>, then <paramref name="body"/> chunks with <paramref name="pause"/> between them; returns the status the server answered (0: it closed without one).</summary>
    private static async Task<int> SendRawAsync(Uri server, string head, IEnumerable<byte[]> body, TimeSpan pause)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var reading = ReadStatusAsync(stream);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            foreach (var part in body)
            {
                if (reading.IsCompleted) break;
                await stream.WriteAsync(part);
                if (pause > TimeSpan.Zero) await Task.WhenAny(reading, Task.Delay(pause));
            }
        }
        catch (IOException)
        {
            // The server refused and closed while the body was still being sent.
        }
        return await reading.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream)
    {
        var buffer = new byte[256];
        var read = 0;
        try
        {
            while (read < 12 && await stream.ReadAsync(buffer.AsMemory(read)) is var n and > 0) read += n;
        }
        catch (IOException)
        {
        }
        return read >= 12 && int.TryParse(Encoding.ASCII.GetString(buffer, 9, 3), out var status) ? status : 0;
    }

    /// <summary>A chunked JSON body that stays well-formed as far as it goes (one long string), so only its size can refuse it.</summary>
    private static IEnumerable<byte[]> Chunked(int total, int chunk)
    {
        for (var sent = 0; sent < total; sent += chunk)
        {
            var payload = Encoding.ASCII.GetBytes(sent == 0 ? "{\"text\":\"" + new string('x', chunk - 9) : new string('x', chunk));
            yield return [.. Encoding.ASCII.GetBytes($"{chunk:X}\r\n"), .. payload, .. "\r\n"u8.ToArray()];
        }
        yield return "0\r\n\r\n"u8.ToArray();
    }

    [Fact]
    public async Task HundredSlowOrOversizeBodies_AreRefused_WithOneWarningEach_NoErrorsNoStackTraces_AndCounted()
    {
        var logs = new RecordedLogs();
        await using var host = await StartAsync(logs);
        var server = host.Client.BaseAddress!;

        // 40 slow bodies (a byte every 300 ms, under 240 bytes/s), 30 chunked past Discord's 64 KiB, 20 chunked past
        // Teams' 256 KiB, 10 announcing too much in Content-Length: 100 requests at once.
        var slow = Enumerable.Range(0, 40).Select(_ => SendRawAsync(server, Head(DiscordPath, "Content-Length: 2000"),
            Enumerable.Repeat("{"u8.ToArray(), 40), TimeSpan.FromMilliseconds(300)));
        var discordChunked = Enumerable.Range(0, 30).Select(_ => SendRawAsync(server, Head(DiscordPath, "Transfer-Encoding: chunked"),
            Chunked(128 * 1024, 8 * 1024), TimeSpan.Zero));
        var teamsChunked = Enumerable.Range(0, 20).Select(_ => SendRawAsync(server, Head(TeamsPath, "Transfer-Encoding: chunked"),
            Chunked(512 * 1024, 16 * 1024), TimeSpan.Zero));
        var announced = Enumerable.Range(0, 10).Select(_ => SendRawAsync(server, Head(DiscordPath, "Content-Length: 100000"), [], TimeSpan.Zero));
        var statuses = await Task.WhenAll([.. slow, .. discordChunked, .. teamsChunked, .. announced]);

        Assert.All(statuses[..40], s => Assert.True(s is 408 or 0, $"slow body: {s}"));
        Assert.All(statuses[40..], s => Assert.Equal(413, s));

        var entries = logs.Entries;
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Information && (e.Exception is not null || e.Printed.Contains("   at ", StringComparison.Ordinal)));
        var refused = entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Refused a request", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, refused.Count);
        Assert.All(refused, e => Assert.DoesNotContain('\n', e.Message));
        var metrics = await host.Client.GetStringAsync("/metrics");
        Assert.Equal(40, Rejected(metrics, "body_too_slow"));
        Assert.Equal(60, Rejected(metrics, "body_too_large"));
    }

    private static long Rejected(string metrics, string reason) =>
        RejectedLine().Matches(metrics).Where(m => m.Groups["reason"].Value == reason).Sum(m => long.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^lmcbot_rejected_requests_total\{[^}]*reason=""(?<reason>[a-z_]+)""[^}]*\} (?<value>\d+)", RegexOptions.Multiline)]
    private static partial Regex RejectedLine();
}
