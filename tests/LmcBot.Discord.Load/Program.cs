using System.Globalization;
using System.Text.Json.Nodes;
using LmcBot.Core.Answering;
using LmcBot.Core;
using LmcBot.Core.Chat;
using LmcBot.Discord;
using LmcBot.Discord.Load;
using LmcBot.Discord.Load.Peers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Measures the Discord interactions endpoint answering real questions against a no-op endpoint on the same
// host, in the same run, over loopback with 16 keep-alive connections. See docs/perf/DISCORD.md.
//   dotnet run -c Release --project tests/LmcBot.Discord.Load -- [--seconds 10] [--warmup 3] [--connections 16]
// The long mutation fuzz instead (docs/PERFORMANCE.md): -- --fuzz 1000000 [--seed 20261204]
// Against Discord's Node helper under wrk (docs/PERFORMANCE.md, issue 11 item 10; tests/peers/README.md):
//   -- --peers [--connections 200,16] [--rounds 3] [--seconds 10] [--warmup 3]
var seconds = Argument("--seconds", 10);
var warmup = Argument("--warmup", 3);
var connections = args.Contains("--peers") ? 0 : Argument("--connections", 16);
// The host's answer cache (Knowledge:AnswerCacheSize, default 1024); 0 makes every request work its answer out.
var answerCache = Argument("--answer-cache", 1024);

var repoRoot = FindRepoRoot();
var workDirectory = Directory.CreateTempSubdirectory("lmcbot-load-");
try
{
    if (Argument("--fuzz", 0) is > 0 and var fuzzBodies)
        return await FuzzRun.RunAsync(repoRoot, workDirectory.FullName, fuzzBodies, Argument("--seed", 20261204));
    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Knowledge:DatabasePath"] = Path.Combine(workDirectory.FullName, "lmcbot.db"),
        ["Knowledge:Folder"] = Path.Combine(repoRoot, "knowledge"),
        ["Discord:Mode"] = "Http",
        ["Discord:PublicKey"] = PreparedRequest.PublicKeyHex,
        // Never reached: every answer is inline; a deferral would show in the Deferred column.
        ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
        // The per-user and per-guild limits are policy, not capacity: with them on, one load user is
        // refused after 20 questions a minute and the run would time refusals, not answers.
        ["Knowledge:AnswerCacheSize"] = answerCache.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:PerUserPerMinute"] = "0",
        ["RateLimits:PerScopePerMinute"] = "0",
        // The run resends a handful of signed interactions; replay refusal would answer all but the first with 400.
        ["Discord:RememberedInteractionIds"] = "0",
        // One Information line per answer would be part of what is measured; operators choose that.
        ["Logging:LogLevel:Default"] = "Warning",
    });
    builder.Services.AddLmcBotCore(builder.Configuration, repoRoot);
    builder.Services.AddDiscordAdapter(builder.Configuration);

    var app = builder.Build();
    _ = app.Services.GetRequiredService<KnowledgeBase>(); // build the knowledge base before measuring
    app.MapDiscordInteractions();
    // The baseline: the same host and transport, reading the body and answering a constant PONG.
    app.MapPost("/noop", async context =>
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync("{\"type\":1}"u8.ToArray());
    });
    await app.StartAsync();
    var baseAddress = new Uri(app.Urls.First());

    string[] questions =
    [
        "When was the LMC established?", "starexpress stops", "Which Chinese EV makers invest in Thailand?",
        "sister city of Chiang Mai", "China-Mekong trade in 2024", "Who are the LMC members?",
        "What is the Wanzhou hub?", "When did the China-Laos Railway open?",
    ];
    List<PreparedRequest> SignAll(DateTimeOffset now) => questions.Select((question, i) => PreparedRequest.Sign(new JsonObject
    {
        ["id"] = (1100000000000000000L + i).ToString(CultureInfo.InvariantCulture),
        ["application_id"] = "1000000000000000000",
        ["type"] = 2,
        ["token"] = "load-token-" + i,
        ["version"] = 1,
        ["guild_id"] = "2000000000000000000",
        ["channel_id"] = "3000000000000000000",
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "4000000000000000000", ["username"] = "load" },
            ["roles"] = new JsonArray(),
            ["permissions"] = "0",
        },
        ["data"] = new JsonObject
        {
            ["id"] = "6000000000000000000", ["name"] = "ask", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }),
        },
    }.ToJsonString(), now)).ToList();
    var interactions = SignAll(DateTimeOffset.UtcNow);

    // Side by side with Discord's own Node helper (tests/peers), driven by wrk in a separate process.
    if (args.Contains("--peers"))
    {
        var result = await DiscordPeerRun.RunAsync(repoRoot, workDirectory.FullName, baseAddress, () => SignAll(DateTimeOffset.UtcNow),
            Argument("--rounds", 3), warmup, seconds, ConnectionCounts());
        await app.StopAsync();
        return result;
    }

    // The adapter alone: a second host whose bot returns one fixed cited answer, so verify + parse + render is all it does.
    var constant = WebApplication.CreateSlimBuilder();
    constant.WebHost.UseUrls("http://127.0.0.1:0");
    constant.Logging.SetMinimumLevel(LogLevel.Warning);
    constant.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Discord:Mode"] = "Http",
        ["Discord:PublicKey"] = PreparedRequest.PublicKeyHex,
        ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
    });
    constant.Services.AddSingleton<IChatBot>(new ConstantChatBot());
    constant.Services.AddDiscordAdapter(constant.Configuration);
    var constantApp = constant.Build();
    constantApp.MapDiscordInteractions();
    await constantApp.StartAsync();

    var generator = new LoadGenerator(baseAddress, connections);
    var adapterOnly = new LoadGenerator(new Uri(constantApp.Urls.First()), connections);
    Console.WriteLine($"Warming up {warmup} s per endpoint…");
    await generator.RunAsync("warmup", "/noop", interactions, TimeSpan.FromSeconds(warmup));
    await generator.RunAsync("warmup", "/discord/interactions", interactions, TimeSpan.FromSeconds(warmup));

    var noop = await generator.RunAsync("no-op POST /noop", "/noop", interactions, TimeSpan.FromSeconds(seconds));
    var real = await generator.RunAsync("POST /discord/interactions (/ask, real answers)", "/discord/interactions", interactions, TimeSpan.FromSeconds(seconds));
    await adapterOnly.RunAsync("warmup", "/discord/interactions", interactions, TimeSpan.FromSeconds(warmup));
    var adapter = await adapterOnly.RunAsync("POST /discord/interactions (constant answer: adapter only)", "/discord/interactions", interactions, TimeSpan.FromSeconds(seconds));
    await constantApp.StopAsync();
    await app.StopAsync();

    var ratio = real.RequestsPerSecond / noop.RequestsPerSecond;
    Console.WriteLine();
    Console.WriteLine($"{connections} connections, {seconds} s per endpoint, {Environment.ProcessorCount} cores, .NET {Environment.Version}, answer cache {answerCache}");
    Console.WriteLine();
    Console.WriteLine("| endpoint | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | deferred |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine(noop.Row());
    Console.WriteLine(real.Row());
    Console.WriteLine(adapter.Row());
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"adapter only (constant answer) / no-op: {adapter.RequestsPerSecond / noop.RequestsPerSecond:P1}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (interactions / no-op req/s): {ratio:P1} (target ≥ 40%)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"interactions p99: {real.Percentile(99):F2} ms (target ≤ 20 ms)"));
    var met = ratio >= 0.4 && real.Percentile(99) <= 20 && real.Errors == 0 && real.Deferred == 0;
    Console.WriteLine(met ? "targets met" : "TARGETS NOT MET");
    return met ? 0 : 1;
}
finally
{
    workDirectory.Delete(recursive: true);
}

int[] ConnectionCounts()
{
    var index = Array.IndexOf(args, "--connections");
    return index >= 0 && index + 1 < args.Length
        ? [.. args[index + 1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]
        : [200, 16];
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRepoRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        if (File.Exists(Path.Combine(directory.FullName, "LmcBot.sln")) && Directory.Exists(Path.Combine(directory.FullName, "knowledge")))
            return directory.FullName;
    throw new InvalidOperationException("Run from inside the repository: knowledge/ was not found above " + AppContext.BaseDirectory);
}
