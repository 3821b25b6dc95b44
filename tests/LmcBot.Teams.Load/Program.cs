using System.Globalization;
using LmcBot.Teams.Load;
using LmcBot.Teams.Tests.Fakes;

// Usage: dotnet run -c Release --project tests/LmcBot.Teams.Load [-- --seconds 10 --warmup 3 --concurrency 16 --rounds 2]
// Traffic stays on loopback; each phase stops by itself after warm-up + seconds.
var seconds = Argument("--seconds", 10);
var warmUp = Argument("--warmup", 3);
var concurrency = Argument("--concurrency", 16);
var rounds = Argument("--rounds", 2);
if (seconds is < 1 or > 120 || warmUp is < 0 or > 60 || concurrency is < 1 or > 256 || rounds is < 1 or > 10)
{
    Console.Error.WriteLine("--seconds 1-120, --warmup 0-60, --concurrency 1-256, --rounds 1-10");
    return 2;
}

var root = RepositoryRoot();
var scratch = Directory.CreateTempSubdirectory("lmcbot-teams-load-");
try
{
    await using var issuer = await FakeBotFrameworkIssuer.StartAsync();
    await using var tokens = await FakeTokenEndpoint.StartAsync(BotUnderLoad.AppId, BotUnderLoad.AppPassword);
    await using var connector = await FakeBotConnector.StartAsync();
    connector.RecordBodies = false;
    connector.AcceptToken = tokens.Issued;
    await using var bot = await BotUnderLoad.StartAsync(root, Path.Combine(scratch.FullName, "lmcbot.db"), issuer, tokens);
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 });
    var run = new LoadRun(connector, issuer, client);

    Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, load average {LoadAverage()}");
    // Phases in the order bare, teams, teams, bare (and so on), so that warm-up and the other
    // load on a shared machine weigh on both modes alike.
    var phases = new List<LoadResult>();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var bareFirst in round % 2 == 0 ? new[] { true, false } : [false, true])
        {
            var phase = bareFirst
                ? await run.RunAsync("bare", bot.BareUrl, concurrency, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds))
                : await run.RunAsync("teams", bot.MessagingUrl, concurrency, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds));
            Console.WriteLine("  " + phase);
            phases.Add(phase);
        }
    }
    var bare = LoadResult.Combine([.. phases.Where(p => p.Label == "bare")]);
    var full = LoadResult.Combine([.. phases.Where(p => p.Label == "teams")]);
    Console.WriteLine(bare);
    Console.WriteLine(full);
    var ratio = full.RepliesPerSecond / bare.RepliesPerSecond;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ratio teams/bare {ratio:F2} (target >= 0.50); teams p99 {full.Percentile(99):F2} ms (target <= 20 ms); "
        + $"cpu ratio bare/teams {bare.CpuMicrosecondsPerReply / full.CpuMicrosecondsPerReply:F2}; token fetches {tokens.Calls}; load average {LoadAverage()}"));
    return full.Failures == 0 && bare.Failures == 0 && ratio >= 0.5 && full.Percentile(99) <= 20 ? 0 : 1;
}
finally
{
    scratch.Delete(recursive: true);
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
