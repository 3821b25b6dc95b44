using System.Net;
using System.Text.Json;
using LmcBot.Cli;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Embedding;
using LmcBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LmcBot.Testing;

namespace LmcBot.Tests.Hosting;

/// <summary>The host on loopback: health, metrics, limits; real LiteDB on a temporary file.</summary>
public sealed class HostEndpointTests
{
    private static readonly ChatSender Member = new("1001", "member");

    [Fact]
    public async Task Health_LiveAndReady_Answer200WithEachCheck()
    {
        await using var host = await HostFixture.StartAsync();

        var live = await host.Client.GetAsync("/health/live");
        var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("discord-gateway").GetProperty("status").GetString());
        Assert.Contains("all-MiniLM-L6-v2 is loaded", checks.GetProperty("sentence-model").GetProperty("description").GetString());
        Assert.True(JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").TryGetProperty("self", out _));
    }

    [Fact]
    public async Task Host_BuildsTheDenseIndexFromTheCommittedVectors_WithoutRunningTheModelOnAnyFact()
    {
        await using var host = await HostFixture.StartAsync();

        var source = host.App.Services.GetRequiredService<DenseVectorSource>();
        var index = host.App.Services.GetRequiredService<KnowledgeBase>().Current;

        Assert.True(File.Exists(source.PrecomputedFile), $"{source.PrecomputedFile} not found from the content root");
        Assert.Equal(0, source.ModelTexts); // only the warm-up ran the model, on its own one text
        Assert.Equal(index.FactCount, index.Dense.Facts.Count);
        Assert.Equal(index.SentenceCount, index.Dense.Sentences.Count);
    }

    [Fact]
    public async Task Ready_WhileTheSentenceModelLoads_Is503SayingSo_ThenReady()
    {
        using var release = new ManualResetEventSlim();
        var embedder = new GatedEmbedder(release);
        await using var host = await HostFixture.StartAsync(waitForModel: false,
            configure: b => b.Services.AddSingleton(Source(embedder)));

        var live = await host.Client.GetAsync("/health/live");
        var loading = await host.Client.GetAsync("/health/ready");
        release.Set();
        await host.App.Services.GetRequiredService<SentenceModelWarmup>().Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
        Assert.Contains("all-MiniLM-L6-v2 is still loading", await loading.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Ready_SentenceModelFailedToLoad_Is503WithTheReason_WhileLiveIs200()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        await using var host = await HostFixture.StartAsync(
            configure: b => b.Services.AddSingleton(Source(new GatedEmbedder(release, fail: true))));

        var live = await host.Client.GetAsync("/health/live");
        var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var model = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("sentence-model");
        Assert.Contains("could not be loaded: DllNotFoundException: onnxruntime", model.GetProperty("description").GetString());
    }

    /// <summary>The committed vectors cover the shipped knowledge, so only the warm-up calls the stand-in model.</summary>
    private static DenseVectorSource Source(ISentenceEmbedder embedder) =>
        new(embedder, VectorFile.PathFor(RepoPaths.Knowledge, MiniLmSentenceEmbedder.Model));

    /// <summary>MiniLM's id and width, with loading that waits for the test (and can fail as a missing native library does).</summary>
    private sealed class GatedEmbedder(ManualResetEventSlim release, bool fail = false) : ISentenceEmbedder
    {
        public string ModelId => MiniLmSentenceEmbedder.Model;
        public int Dimensions => MiniLmSentenceEmbedder.VectorDimensions;
        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            release.Wait(TimeSpan.FromSeconds(30), cancellationToken);
            if (fail) throw new DllNotFoundException("onnxruntime");
            return texts.Select(_ => Enumerable.Range(0, Dimensions).Select(i => i == 0 ? 1f : 0f).ToArray()).ToArray();
        }
    }

    [Fact]
    public async Task Ready_DatabasePathUnderAFile_Is503NamingTheDatabase_WhileLiveIs200()
    {
        await using var host = await HostFixture.StartAsync(databasePath: dir =>
        {
            File.WriteAllText(dir.File("not-a-directory"), "x");
            return Path.Combine(dir.File("not-a-directory"), "lmcbot.db");
        });

        var live = await host.Client.GetAsync("/health/live");
        var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var database = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Contains("cannot be opened", database.GetProperty("description").GetString());
    }

    [Fact]
    public async Task RateLimit_PerIp_Answers429WithRetryAfter_ButNotHealth()
    {
        await using var host = await HostFixture.StartAsync(new Dictionary<string, string?> { ["RateLimits:PerIpPerMinute"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await host.Client.GetAsync("/no-such-endpoint")).StatusCode);
        var limited = await host.Client.GetAsync("/no-such-endpoint");
        var health = await host.Client.GetAsync("/health/ready");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Logs_OneStructuredLinePerRequest_WithPlatformScopeIntentAndLatency_ButNotTheMessage()
    {
        var logs = new CapturedLogs();
        await using var host = await HostFixture.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            configure: builder => builder.Logging.AddProvider(logs));
        var bot = host.App.Services.GetRequiredService<IChatBot>();
        const string question = "Which Chinese EV makers invest in Thailand? my phone is 555-0100";

        var answer = await bot.HandleAsync(ChatRequest.Question(ChatPlatform.Teams, Member, question) with { ScopeId = "tenant-7" });

        var line = Assert.Single(logs.Entries, e => e.Message.StartsWith("Handled", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Teams", line.Fields["Platform"]?.ToString());
        Assert.Equal("tenant-7", line.Fields["ScopeId"]);
        Assert.Equal("text", line.Fields["Command"]);
        Assert.Equal(answer.Intent, line.Fields["Intent"]);
        Assert.IsType<double>(line.Fields["ElapsedMs"]);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("555-0100", StringComparison.Ordinal) || e.Message.Contains("EV makers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_WhenEnabled_IsMappedOnTheHost()
    {
        await using var host = await HostFixture.StartAsync(new Dictionary<string, string?> { ["Teams:Enabled"] = "true" });

        var response = await host.Client.PostAsync("/api/messages", new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((int)response.StatusCode is >= 400 and < 500);
    }

    [Fact]
    public async Task Healthcheck_Verb_Exits0WhenReady_And1WhenNothingListens()
    {
        await using var host = await HostFixture.StartAsync();
        var ready = new Uri(host.Client.BaseAddress!, "/health/ready").ToString();

        var up = await LmcBotCli.RunAsync(["healthcheck", "--url", ready], TextReader.Null, new StringWriter(), new StringWriter());
        await host.App.StopAsync();
        var error = new StringWriter();
        var down = await LmcBotCli.RunAsync(["healthcheck", "--url", ready, "--timeout", "3"], TextReader.Null, new StringWriter(), error);

        Assert.Equal(0, up);
        Assert.Equal(1, down);
        Assert.Contains("unhealthy", error.ToString());
    }
}
