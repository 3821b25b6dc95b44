using System.Diagnostics;
using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;

namespace LmcBot.Benchmarks;

/// <summary>
/// What the <c>ask</c> verb does after the command line is parsed, phase by phase, in a fresh process
/// (so cold: every method runs for the first time): open the store, check the folder hash, read
/// everything, build the index, answer once, close. <c>startup &lt;database&gt; [question]</c>.
/// </summary>
internal static class Startup
{
    /// <summary><c>ingest-phases [runs]</c>: the ingest benchmark's steps, timed and with their allocations, warm.</summary>
    public static int Ingest(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var directory = Repo.TempDirectory("lmcbot-ingest-phases");
        try
        {
            for (var run = 0; run < runs; run++)
            {
                var line = new List<string>();
                var watch = Stopwatch.StartNew();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                void Phase(string name)
                {
                    var now = GC.GetAllocatedBytesForCurrentThread();
                    line.Add($"{name} {watch.Elapsed.TotalMilliseconds:0} ms {(now - bytes) / 1048576.0:0.0} MB");
                    bytes = now;
                    watch.Restart();
                }
                var set = KnowledgeBase.ReadFolder(Repo.Knowledge);
                Phase("read+validate");
                var path = Path.Combine(directory, $"ingest-{run}.db");
                using (var store = new KnowledgeStore(path))
                {
                    Phase("open");
                    store.Sync(set);
                    Phase("sync");
                    var content = store.ReadAll();
                    Phase("read all");
                    LmcBot.Core.Answering.KnowledgeIndex.Build(content);
                    Phase("build");
                }
                Phase("close");
                Console.WriteLine($"run {run + 1}: " + string.Join("; ", line));
            }
            return 0;
        }
        finally
        {
            Repo.DeleteQuietly(directory);
        }
    }

    public static int Run(string[] args)
    {
        var database = args.ElementAtOrDefault(0) ?? throw new ArgumentException("startup <database> [question]");
        var question = args.ElementAtOrDefault(1) ?? "When was the China-Laos Railway opened?";
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var phases = new List<(string, double)>();
        void Phase(string name)
        {
            phases.Add((name, watch.Elapsed.TotalMilliseconds));
            watch.Restart();
        }
        var store = new KnowledgeStore(database);
        Phase("open store");
        var synced = store.SyncedHash;
        var current = KnowledgeFolderReader.HashFolder(Repo.Knowledge);
        Phase($"folder hash check ({(synced == current ? "unchanged" : "CHANGED")})");
        var content = store.ReadAll();
        Phase("read all");
        var index = LmcBot.Core.Answering.KnowledgeIndex.Build(content);
        Phase("build index");
        store.Dispose();
        Phase("close store");
        using var knowledgeBase = new KnowledgeBase(new KnowledgeStore(database), Repo.Knowledge);
        Phase("KnowledgeBase again (warm: all of the above)");
        var bot = new ChatBot(knowledgeBase, new AdminPolicy(new AdminOptions()), new KnowledgeEditor(knowledgeBase));
        var answer = bot.Ask(question, ChatPlatform.Cli);
        Phase("first answer (ChatBot.Ask)");
        bot.Ask(question, ChatPlatform.Cli);
        Phase("second answer");
        foreach (var (name, ms) in phases) Console.WriteLine($"{ms,8:0.0} ms  {name}");
        Console.WriteLine($"{total.Elapsed.TotalMilliseconds,8:0.0} ms  total ({index.FactCount} facts; {(answer.Answered ? "answered" : "declined")})");
        return 0;
    }
}
