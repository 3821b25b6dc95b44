using System.Diagnostics;
using System.Globalization;

namespace LmcBot.Benchmarks;

/// <summary>
/// <c>LmcBot ask "…"</c> as a whole process against an existing database: the wall clock from start to
/// exit, N times, after one <c>ingest</c> (timed too: the first, cold build of the database).
/// Needs a Release build of the host: <c>dotnet build -c Release src/LmcBot</c>.
/// </summary>
internal static class WholeProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = 20;
        string? dll = null;
        var question = "When was the China-Laos Railway opened?";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dll": dll = args[++i]; break;
                case "--question": question = args[++i]; break;
                default: runs = int.Parse(args[i], CultureInfo.InvariantCulture); break;
            }
        }
        dll ??= Path.Combine(Repo.Root, "src", "LmcBot", "bin", "Release", "net10.0", "LmcBot.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} not found: build it first (dotnet build -c Release src/LmcBot) or pass --dll");
            return 2;
        }
        // The apphost (what a published bot runs) when it is there, else `dotnet LmcBot.dll`.
        var appHost = Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "LmcBot.exe" : "LmcBot");
        var (file, prefix) = File.Exists(appHost) ? (appHost, Array.Empty<string>()) : ("dotnet", new[] { dll });

        var directory = Repo.TempDirectory("lmcbot-ask");
        try
        {
            var database = Path.Combine(directory, "lmcbot.db");
            string[] common = ["--db", database, "--knowledge", Repo.Knowledge];
            var (ingestTime, ingestCode, ingestOutput) = await TimeAsync(file, [.. prefix, "ingest", .. common]);
            if (ingestCode != 0)
            {
                Console.Error.WriteLine($"ingest failed ({ingestCode}): {ingestOutput}");
                return 1;
            }
            Console.WriteLine($"{file} {string.Join(' ', prefix)}");
            Console.WriteLine($"ingest (new database, whole process): {ingestTime.TotalMilliseconds:0} ms; {ingestOutput.Trim()}");

            var times = new List<double>();
            string last = "";
            for (var run = 0; run < runs + 1; run++)
            {
                var (time, code, output) = await TimeAsync(file, [.. prefix, "ask", question, .. common]);
                if (code != 0)
                {
                    Console.Error.WriteLine($"ask failed ({code}): {output}");
                    return 1;
                }
                last = output;
                if (run > 0) times.Add(time.TotalMilliseconds); // the first run warms the file cache
            }
            Console.WriteLine($"ask \"{question}\" on the existing database, {runs} runs (after one untimed): " +
                $"median {PerQuestion.Median(times):0} ms, p90 {PerQuestion.Percentile(times, 0.9):0} ms, min {times.Min():0} ms, max {times.Max():0} ms");
            Console.WriteLine($"answer: {last.Split('\n')[0].Trim()}");
            return 0;
        }
        finally
        {
            Repo.DeleteQuietly(directory);
        }
    }

    private static async Task<(TimeSpan Time, int Code, string Output)> TimeAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        return (watch.Elapsed, process.ExitCode, await stdout + await stderr);
    }
}
