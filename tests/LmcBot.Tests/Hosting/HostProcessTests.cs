using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using LmcBot.Testing;

namespace LmcBot.Tests.Hosting;

/// <summary>The built LmcBot.dll as a child process: start-up validation and SIGTERM.</summary>
public sealed partial class HostProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private Process Start(IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory.Path,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LmcBot.dll"));
        foreach (var arg in new[] { "--urls", "http://127.0.0.1:0", "--db", _directory.File("lmcbot.db") }) info.ArgumentList.Add(arg);
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return Process.Start(info)!;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    private static async Task<Uri> WaitForAddressAsync(Process process, List<string> lines)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (ListeningOn().Match(line) is { Success: true } match) return new Uri(match.Groups[1].Value);
        }
        throw new InvalidOperationException("The host did not start: " + string.Join('\n', lines) + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>/health/ready once the sentence model has loaded in the background: asked every 200 ms, for at most 60 s.</summary>
    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline) return response.StatusCode;
            await Task.Delay(200);
        }
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    [Theory]
    [InlineData("Discord__Mode", "Http", "Discord:PublicKey")]
    [InlineData("Hosting__ShutdownTimeout", "01:00:00", "Hosting:ShutdownTimeout")]
    [InlineData("RateLimits__PerUserPerMinute", "-1", "RateLimits:PerUserPerMinute")]
    [InlineData("Knowledge__Backups", "1000", "Knowledge:Backups")]
    [InlineData("Knowledge__AnswerCacheSize", "-5", "Knowledge:AnswerCacheSize")]
    public async Task Start_MissingOrInvalidSetting_ExitsNonZero_NamingTheKey(string variable, string value, string key)
    {
        using var process = Start(new Dictionary<string, string> { [variable] = value });
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains(key, await error + await output);
        }
        finally
        {
            Kill(process);
        }
    }

    [Fact]
    public async Task Logs_JsonFormatter_SwitchedInConfiguration_WritesOneJsonObjectPerLine()
    {
        using var process = Start(new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);

            using var json = System.Text.Json.JsonDocument.Parse(line!);
            Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
            Assert.True(json.RootElement.TryGetProperty("Category", out _));
        }
        finally
        {
            Kill(process);
        }
    }

    [Fact]
    public async Task Sigterm_DuringABurst_CompletesAcceptedRequests_CheckpointsTheDatabase_AndExits0()
    {
        using var process = Start();
        try
        {
            var lines = new List<string>();
            var address = await WaitForAddressAsync(process, lines);
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal(HttpStatusCode.OK, await ReadyAsync(client));
            var log = _directory.File("lmcbot-log.db");
            Assert.True(File.Exists(_directory.File("lmcbot.db")), "--db must reach the web host");
            Assert.True(File.Exists(log) && new FileInfo(log).Length > 0, "the knowledge sync leaves pages in the LiteDB log while running");

            // A burst on fresh connections; SIGTERM as soon as the first answer is back, while the rest are in flight.
            var burst = Enumerable.Range(0, 40).Select(async i =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, i % 2 == 0 ? "/health/ready" : "/metrics");
                request.Headers.ConnectionClose = true;
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsStringAsync();
                    return (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    return 0; // refused: the listener was already closed, which is what a draining server should do
                }
            }).ToList();
            await Task.WhenAny(burst);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            var statuses = await Task.WhenAll(burst).WaitAsync(TimeSpan.FromSeconds(30));
            var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            // 503 (with Retry-After): arrived after SIGTERM, before the listener closed; refused like a closed listener.
            Assert.All(statuses, s => Assert.True(s is 200 or 503 or 0, $"status {s}"));
            Assert.Contains(200, statuses);
            Assert.Contains("Application is shutting down", rest);
            Assert.Equal(0, process.ExitCode);
            // KnowledgeStore.Dispose checkpoints: the LiteDB log is merged into the data file.
            Assert.True(!File.Exists(log) || new FileInfo(log).Length == 0, "the database log was not checkpointed");
        }
        finally
        {
            Kill(process);
        }
    }
}
