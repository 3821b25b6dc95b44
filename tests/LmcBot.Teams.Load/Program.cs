using System.Globalization;
using LmcBot.Teams.Load;
using LmcBot.Teams.Load.Peers;
using LmcBot.Testing.Teams;

// Usage: dotnet run -c Release --project tests/LmcBot.Teams.Load [-- --seconds 10 --warmup 15 --concurrency 16 --rounds 2]
// --warmup: unmeasured seconds per mode before the measured phases. About two minutes in all.
// Traffic stays on loopback; each phase stops by itself after warm-up + seconds.
var seconds = Argument("--seconds", 10);
var warmUp = Argument("--warmup", 15);
var concurrency = args.Contains("--peers") ? 16 : Argument("--concurrency", 16);
var rounds = Argument("--rounds", 2);
// The host's answer cache (Knowledge:AnswerCacheSize, default 1024); 0 makes every message work its answer out.
var answerCache = Argument("--answer-cache", 1024);
if (seconds is < 1 or > 120 || warmUp is < 0 or > 60 || concurrency is < 1 or > 256 || rounds is < 1 or > 10)
{
    Console.Error.WriteLine("--seconds 1-120, --warmup 0-60, --concurrency 1-256, --rounds 1-10");
    return 2;
}

var root = RepositoryRoot();
var scratch = Directory.CreateTempSubdirectory("lmcbot-teams-load-");
try
{
    // The long mutation fuzz instead of the load run (docs/PERFORMANCE.md): -- --fuzz 1000000 [--seed 20261204]
    if (Argument("--fuzz", 0) is > 0 and var fuzzBodies)
        return await FuzzRun.RunAsync(root, Path.Combine(scratch.FullName, "fuzz.db"), fuzzBodies, Argument("--seed", 20261204));
    await using var issuer = await FakeBotFrameworkIssuer.StartAsync();
    await using var tokens = await FakeTokenEndpoint.StartAsync(BotUnderLoad.AppId, BotUnderLoad.AppPassword);
    await using var connector = await FakeBotConnector.StartAsync();
    connector.RecordBodies = false;
    connector.AcceptToken = tokens.Issued;
    await using var bot = await BotUnderLoad.StartAsync(root, Path.Combine(scratch.FullName, "lmcbot.db"), issuer, tokens, answerCache);
    // Side by side with Microsoft's botbuilder CloudAdapter (tests/peers), driven by wrk in a separate process:
    //   -- --peers [--connections 200,16] [--rounds 3] [--seconds 10] [--warmup 5]
    if (args.Contains("--peers"))
    {
        connector.RecordCalls = false;
        return await TeamsPeerRun.RunAsync(root, scratch.FullName, bot, connector, issuer, tokens,
            rounds: Argument("--rounds", 3), warmUpSeconds: Argument("--warmup", 5), seconds, ConnectionCounts());
    }
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 });
    var run = new LoadRun(connector, issuer, client);

    Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, answer cache {answerCache}, load average {LoadAverage()}");

    // Three modes on the same host: "bare" posts a fixed reply without validating or answering;
    // "teams" is the whole path with the real core; "adapter" is the whole path with one
    // captured real answer (route StarExpress: three sources, five facts), so the adapter's own
    // cost shows apart from the core's.
    var captured = await bot.Core.HandleAsync(LmcBot.Core.Chat.ChatRequest.Question(
        LmcBot.Core.Chat.ChatPlatform.Teams, new LmcBot.Core.Chat.ChatSender("load", "Load"), "route StarExpress"));
    async Task<LoadResult> Phase(string mode, TimeSpan phaseWarmUp, TimeSpan length)
    {
        bot.Core.Fixed = mode == "adapter" ? captured : null;
        return await run.RunAsync(mode, mode == "bare" ? bot.BareUrl : bot.MessagingUrl, concurrency, phaseWarmUp, length);
    }

    string[] modes = ["bare", "teams", "adapter"];
    // Tiered JIT, dynamic PGO and the server GC's heap sizing take tens of seconds to settle on a
    // busy machine: every mode runs unmeasured first.
    foreach (var mode in modes)
        await Phase(mode, TimeSpan.Zero, TimeSpan.FromSeconds(warmUp));

    // Then measured phases in mirrored order (bare, teams, adapter, adapter, teams, bare, ...),
    // so drift in the machine's other load weighs on every mode alike.
    var phases = new List<LoadResult>();
    var coreTime = TimeSpan.Zero;
    long coreCalls = 0;
    long refused = 0;
    for (var round = 0; round < rounds; round++)
    {
        foreach (var mode in round % 2 == 0 ? modes : modes.Reverse())
        {
            bot.Core.Reset();
            var phase = await Phase(mode, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds));
            if (mode == "teams")
            {
                coreTime += bot.Core.Elapsed;
                coreCalls += bot.Core.Calls;
                refused += bot.Core.Refused;
            }
            Console.WriteLine("  " + phase);
            phases.Add(phase);
        }
    }
    var bare = LoadResult.Combine([.. phases.Where(p => p.Label == "bare")]);
    var full = LoadResult.Combine([.. phases.Where(p => p.Label == "teams")]);
    var adapter = LoadResult.Combine([.. phases.Where(p => p.Label == "adapter")]);
    Console.WriteLine(bare);
    Console.WriteLine(full);
    Console.WriteLine(adapter);
    var ratio = full.RepliesPerSecond / bare.RepliesPerSecond;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ratio teams/bare {ratio:F2} (target >= 0.50); teams p99 {full.Percentile(99):F2} ms (target <= 20 ms); "
        + $"ratio adapter/bare {adapter.RepliesPerSecond / bare.RepliesPerSecond:F2}; "
        + $"cpu us/reply bare {bare.CpuMicrosecondsPerReply:F0}, adapter {adapter.CpuMicrosecondsPerReply:F0}, teams {full.CpuMicrosecondsPerReply:F0}; "
        + $"core answer {coreTime.TotalMicroseconds / Math.Max(1, coreCalls):F0} us mean (wall) over {coreCalls} answers; "
        + $"refused or error answers {refused}; token fetches {tokens.Calls}; load average {LoadAverage()}"));
    return full.Failures == 0 && bare.Failures == 0 && refused == 0 && ratio >= 0.5 && full.Percentile(99) <= 20 ? 0 : 1;
}
finally
{
    scratch.Delete(recursive: true);
}

int[] ConnectionCounts()
{
    var at = Array.IndexOf(args, "--connections");
    return at >= 0 && at + 1 < args.Length ? [.. args[at + 1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] : [200, 16];
}

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "LmcBot.sln")))
            return directory.FullName;
    }
    throw new InvalidOperationException("LmcBot.sln not found above " + AppContext.BaseDirectory);
}
