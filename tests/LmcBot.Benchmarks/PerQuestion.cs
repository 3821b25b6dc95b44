using System.Diagnostics;
using System.Globalization;
using LmcBot.Core.Answering;

namespace LmcBot.Benchmarks;

/// <summary>
/// Times each question on its own (BenchmarkDotNet reports the mean over the whole set): after a
/// warm-up over the set, 30 rounds (at most a minute) over all questions, one batch of calls (about
/// a millisecond) per question per round; per question the median per call over the rounds, in wall-clock
/// time and in this thread's CPU time (which time slices lost to other processes on a shared machine do
/// not inflate); then the median, p90 and maximum over the questions, with allocations per question and
/// what each question got. With <c>--hot</c>, each question's rounds run back to back instead (its code
/// and data stay in the caches: the best case).
/// </summary>
internal static class PerQuestion
{
    private const int Rounds = 30;

    public static int Run(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var hot = args.Contains("--hot");
        var targets = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (targets.Count == 0) targets = ["dev", "1000", "10000", "100000"];
        foreach (var target in targets)
        {
            if (target == "bad")
            {
                using var shipped = new ShippedKnowledge();
                var bot = shipped.CreateBot();
                Console.WriteLine("== bad input through ChatBot.Ask (shipped knowledge)");
                foreach (var (name, input) in BadInputs.All)
                {
                    var answer = bot.Ask(input, LmcBot.Core.Chat.ChatPlatform.Cli);
                    for (var i = 0; i < 200; i++) bot.Ask(input, LmcBot.Core.Chat.ChatPlatform.Cli);
                    var times = new List<double>();
                    for (var i = 0; i < 200; i++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        bot.Ask(input, LmcBot.Core.Chat.ChatPlatform.Cli);
                        times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    }
                    Console.WriteLine($"   {name,-11} {input.Length,7:N0} chars: median {Median(times),8:0.0} µs, max {times.Max(),8:0.0} µs; {(answer.Answered ? "answered" : "declined")} ({answer.Intent}): {Shorten(answer.Text)}");
                }
            }
            else if (target == "dev")
            {
                using var shipped = new ShippedKnowledge();
                Report("shipped knowledge, dev questions" + (hot ? " (hot)" : ""), shipped.Index, Repo.DevQuestions(), verbose, hot);
            }
            else if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var facts))
            {
                var watch = Stopwatch.StartNew();
                var synthetic = SyntheticKnowledge.Generate(facts);
                var generated = watch.Elapsed;
                watch.Restart();
                var index = KnowledgeIndex.Build(synthetic.Content);
                Console.WriteLine($"synthetic {facts:N0} facts: {index.FactCount:N0} facts, {index.SentenceCount:N0} sentences, {synthetic.EntityCount:N0} declared entities; generated in {generated.TotalSeconds:0.0} s, index built in {watch.Elapsed.TotalSeconds:0.0} s");
                Report($"synthetic {facts:N0} facts, {synthetic.Questions.Count} questions" + (hot ? " (hot)" : ""), index, synthetic.Questions, verbose, hot);
            }
            else
            {
                Console.Error.WriteLine($"unknown target '{target}': use dev, bad or a fact count");
                return 2;
            }
        }
        return 0;
    }

    private static void Report(string title, KnowledgeIndex index, IReadOnlyList<string> questions, bool verbose, bool hot)
    {
        var engine = new AnswerEngine();
        // Warm up on the whole set first, long enough for tiered compilation to finish (as BenchmarkDotNet's warm-up does).
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < 3)
            foreach (var question in questions) engine.Answer(question, index);
        // Per question: its allocations and a batch size of about a millisecond.
        var batches = new int[questions.Count];
        var bytes = new long[questions.Count];
        var answers = new LmcBot.Core.Chat.Answer[questions.Count];
        for (var q = 0; q < questions.Count; q++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            answers[q] = engine.Answer(questions[q], index);
            bytes[q] = GC.GetAllocatedBytesForCurrentThread() - before;
            var once = Stopwatch.StartNew();
            for (var i = 0; i < 3; i++) engine.Answer(questions[q], index);
            batches[q] = (int)Math.Clamp(1_000 / Math.Max(0.1, once.Elapsed.TotalMicroseconds / 3), 1, 100);
        }
        // Rounds over the whole set, one batch per question each round, so that the load of other
        // processes falls on every question alike; per question, the median over the rounds.
        var walls = questions.Select(_ => new List<double>()).ToArray();
        var cpus = questions.Select(_ => new List<double>()).ToArray();
        var budget = Stopwatch.StartNew();
        void Batch(int q)
        {
            var cpu = ThreadCpu.Now();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batches[q]; i++) engine.Answer(questions[q], index);
            walls[q].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / batches[q]);
            cpus[q].Add((ThreadCpu.Now() - cpu).TotalMicroseconds / batches[q]);
        }
        if (hot)
        {
            // Each question's rounds back to back: its code and data stay in the caches.
            for (var q = 0; q < questions.Count; q++)
                for (var round = 0; round < Rounds; round++) Batch(q);
        }
        else
        {
            for (var round = 0; round < Rounds && (round < 5 || budget.Elapsed.TotalSeconds < 60); round++)
                for (var q = 0; q < questions.Count; q++) Batch(q);
        }
        var rows = questions.Select((question, q) => (Question: question, Wall: Median(walls[q]), Cpu: Median(cpus[q]), Bytes: bytes[q], answers[q].Intent, answers[q].Answered)).ToList();
        var walls2 = rows.Select(r => r.Wall).ToList();
        var cpus2 = rows.Select(r => r.Cpu).ToList();
        Console.WriteLine($"== {title}");
        Console.WriteLine($"   wall clock per question (µs): median {Median(walls2):0.0}, p90 {Percentile(walls2, 0.9):0.0}, max {walls2.Max():0.0}, mean {walls2.Average():0.0}");
        Console.WriteLine($"   thread CPU per question (µs): median {Median(cpus2):0.0}, p90 {Percentile(cpus2, 0.9):0.0}, max {cpus2.Max():0.0}, mean {cpus2.Average():0.0}");
        Console.WriteLine($"   allocated per question: median {Median(rows.Select(r => (double)r.Bytes).ToList()) / 1024:0.0} KB, max {rows.Max(r => r.Bytes) / 1024.0:0.0} KB; answered {rows.Count(r => r.Answered)}/{rows.Count}");
        if (!verbose) return;
        Console.WriteLine("         wall       CPU    alloc");
        foreach (var row in rows.OrderByDescending(r => r.Cpu))
            Console.WriteLine($"   {row.Wall,8:0.0} {row.Cpu,8:0.0} µs {row.Bytes / 1024.0,6:0.0} KB  {(row.Answered ? "answered" : "declined"),-8} {row.Intent,-13} {Shorten(row.Question)}");
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";

    internal static double Median(List<double> values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank percentile with linear interpolation.</summary>
    internal static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
