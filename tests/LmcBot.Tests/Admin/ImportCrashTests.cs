using System.Globalization;
using System.Diagnostics;
using System.Text;
using LmcBot.Cli;
using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;
using Xunit.Abstractions;
using LmcBot.Testing;

namespace LmcBot.Tests.Admin;

/// <summary>
/// A crash at any moment of an import leaves the database as it was before or after, and readable: the CLI import
/// runs in a child process that is killed (SIGKILL) at many points, before its write, while LiteDB writes the
/// transaction to its log, between commit and checkpoint, and during the final checkpoint.
/// </summary>
public sealed class ImportCrashTests(ITestOutputHelper output)
{
    private const string DocumentId = "crash-test-article";

    [Fact]
    public async Task ImportKilledAtManyPoints_LeavesTheDatabaseBeforeOrAfter_AndReadable()
    {
        using var temp = new TempDirectory();
        // A small knowledge base keeps each child process short (it builds the answering index on open and after the import).
        var knowledge = temp.File("knowledge");
        foreach (var file in new[] { "documents/lmc-seed-article.md", "facts/seed-article.yaml" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(knowledge, file))!);
            File.Copy(Path.Combine(RepoPaths.Knowledge, file), Path.Combine(knowledge, file));
        }
        var empty = temp.File("empty.db");
        int facts;
        using (var shipped = new KnowledgeBase(new KnowledgeStore(empty), knowledge))
            facts = shipped.Current.FactCount;
        string Check(string db) =>
            StoreIntegrity.DocumentAfterCrash(db, DocumentId, facts, documents: 1) switch
            {
                null => "absent",
                var body when body.Contains("of the second edition", StringComparison.Ordinal) => "second",
                var body when body.Contains("of the first edition", StringComparison.Ordinal) => "first",
                _ => "unknown",
            };

        var first = temp.File("first-edition.md");
        var second = temp.File("second-edition.md");
        await File.WriteAllTextAsync(first, Article("first", 60));
        await File.WriteAllTextAsync(second, Article("second", 80));

        // A run that is not killed: imports the first edition (the base for re-imports) and times where the writes happen.
        var withFirst = temp.File("with-first.db");
        File.Copy(empty, withFirst);
        var timeline = await RunAsync(withFirst, knowledge, first, Trigger.None, TimeSpan.Zero);
        Assert.True(timeline.Exit == LmcBotCli.Success, timeline.Error);
        Assert.Equal("first", Check(withFirst));
        Assert.True(timeline.LogWritten > TimeSpan.Zero && timeline.Checkpointed > timeline.LogWritten, $"unexpected timeline {timeline}");

        (Trigger, TimeSpan)[] kills =
        [
            (Trigger.Start, timeline.LogWritten * 0.3), (Trigger.Start, timeline.LogWritten * 0.7), (Trigger.Start, timeline.LogWritten * 0.95),
            (Trigger.LogWrite, TimeSpan.Zero), (Trigger.LogWrite, TimeSpan.Zero), (Trigger.LogWrite, TimeSpan.FromMilliseconds(1)), (Trigger.LogWrite, TimeSpan.FromMilliseconds(3)),
            (Trigger.LogWrite, (timeline.Checkpointed - timeline.LogWritten) / 2), (Trigger.LogWrite, (timeline.Checkpointed - timeline.LogWritten) * 0.9),
            (Trigger.DataWrite, TimeSpan.Zero), (Trigger.DataWrite, TimeSpan.Zero), (Trigger.DataWrite, TimeSpan.FromMilliseconds(1)),
        ];
        var outcomes = new List<string>();
        for (var i = 0; i < kills.Length; i++)
        {
            var (trigger, delay) = kills[i];
            var replacing = i % 2 == 1;
            var db = temp.File($"kill-{i}.db");
            File.Copy(replacing ? withFirst : empty, db);
            var run = await RunAsync(db, knowledge, second, trigger, delay);
            var state = Check(db);
            Assert.True(state == "second" || state == (replacing ? "first" : "absent"), $"kill {i} ({trigger} + {delay.TotalMilliseconds:0} ms) left the document {state}");
            outcomes.Add($"{trigger}+{delay.TotalMilliseconds:0}ms{(run.Killed ? "" : " (finished first)")}: {(replacing ? "re-import" : "import")} → {(state == "second" ? "after" : "before")}");
        }
        output.WriteLine($"full run: {timeline}");
        foreach (var outcome in outcomes) output.WriteLine(outcome);
    }

    private enum Trigger { None, Start, LogWrite, DataWrite }

    private sealed record Timeline(int Exit, bool Killed, TimeSpan LogWritten, TimeSpan Checkpointed, TimeSpan Ended, string Error);

    /// <summary>
    /// Runs <c>dotnet LmcBot.dll kb import --file … --db …</c> and kills it <paramref name="delay"/> after the trigger:
    /// the start, LiteDB's first write to its log (the transaction), or its first write to the data file (the checkpoint).
    /// </summary>
    private static async Task<Timeline> RunAsync(string db, string knowledge, string article, Trigger trigger, TimeSpan delay)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(LmcBotCli).Assembly.Location, "kb", "import", "--file", article, "--db", db, "--knowledge", knowledge })
            start.ArgumentList.Add(arg);
        start.Environment["LMCBOT_CONTENT_ROOT"] = RepoPaths.Root;
        var log = new FileInfo(Path.Combine(Path.GetDirectoryName(db)!, Path.GetFileNameWithoutExtension(db) + "-log.db"));
        var data = new FileInfo(db);
        var (dataLength, dataWritten) = (data.Length, data.LastWriteTimeUtc);
        TimeSpan logWritten = TimeSpan.Zero, checkpointed = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        TimeSpan? killAt = trigger == Trigger.Start ? delay : null;
        var killed = false;
        // Poll the files on a dedicated thread: the writes last milliseconds.
        await Task.Factory.StartNew(() =>
        {
            while (!process.HasExited)
            {
                log.Refresh();
                data.Refresh();
                if (logWritten == TimeSpan.Zero && log.Exists && log.Length > 0)
                {
                    logWritten = clock.Elapsed;
                    if (trigger == Trigger.LogWrite) killAt = logWritten + delay;
                }
                if (checkpointed == TimeSpan.Zero && data.Exists && (data.Length != dataLength || data.LastWriteTimeUtc != dataWritten))
                {
                    checkpointed = clock.Elapsed;
                    if (trigger == Trigger.DataWrite) killAt = checkpointed + delay;
                }
                if (killAt is { } at && clock.Elapsed >= at)
                {
                    try
                    {
                        process.Kill();
                        killed = true;
                    }
                    catch (InvalidOperationException)
                    {
                    }
                    break;
                }
                if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the import did not finish in 2 minutes");
                Thread.Sleep(killAt is null ? 1 : 0);
            }
        }, TaskCreationOptions.LongRunning);
        await process.WaitForExitAsync();
        var ended = clock.Elapsed;
        await stdout;
        return new Timeline(process.ExitCode, killed, logWritten, checkpointed, ended, await stderr);
    }

    private static string Article(string edition, int paragraphs)
    {
        var text = new StringBuilder($"---\nid: {DocumentId}\ntitle: Mekong barge log ({edition} edition)\n---\n# Mekong barge log\n\n");
        for (var p = 0; p < paragraphs; p++)
            text.Append(CultureInfo.InvariantCulture, $"Paragraph {p} of the {edition} edition says the Mekong barge number {p} carried {p * 7} tonnes of rice to Vientiane. ")
                .Append(CultureInfo.InvariantCulture, $"The barge {p} crew counted {p * 3} containers at Chiang Saen port. Inspectors logged voyage {p} as complete in 2025.\n\n");
        return text.ToString();
    }
}
