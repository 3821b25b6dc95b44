using System.Diagnostics;
using System.Globalization;
using LmcBot.Core.Answering;

namespace LmcBot.Benchmarks;

/// <summary>
/// Times each question on its own (BenchmarkDotNet reports the mean over the whole set): warm-up calls,
/// then up to 200 timed calls or two seconds per question, the median of those; then the median, p90
/// and maximum over the questions, with allocations per question and what each question got.
/// </summary>
internal static class PerQuestion
{
    public static int Run(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var targets = args.Where(a => a != "--verbose").ToList();
        if (targets.Count == 0) targets = ["dev", "1000", "10000", "100000"];
        foreach (var target in targets)
        {
            if (target == "dev")
            {
                using var shipped = new ShippedKnowledge();
                Report("shipped knowledge, dev questions", shipped.Index, Repo.DevQuestions(), verbose);
            }
            else if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var facts))
            {
                var watch = Stopwatch.StartNew();
                var synthetic = SyntheticKnowledge.Generate(facts);
                var generated = watch.Elapsed;
                watch.Restart();
                var index = KnowledgeIndex.Build(synthetic.Content);
                Console.WriteLine($"synthetic {facts:N0} facts: {index.FactCount:N0} facts, {index.SentenceCount:N0} sentences, {synthetic.EntityCount:N0} declared entities; generated in {generated.TotalSeconds:0.0} s, index built in {watch.Elapsed.TotalSeconds:0.0} s");
                Report($"synthetic {facts:N0} facts, {synthetic.Questions.Count} questions", index, synthetic.Questions, verbose);
            }
            else
            {
                Console.Error.WriteLine($"unknown target '{target}': use dev or a fact count");
                return 2;
            }
        }
        return 0;
    }

    private static void Report(string title, KnowledgeIndex index, IReadOnlyList<string> questions, bool verbose)
    {
        var engine = new AnswerEngine();
        var rows = new List<(string Question, double Median, long Bytes, string Intent, bool Answered)>();
        foreach (var question in questions)
        {
            for (var i = 0; i < 5; i++) engine.Answer(question, index);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var answer = engine.Answer(question, index);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            var times = new List<double>();
            var budget = Stopwatch.StartNew();
            while (times.Count < 200 && (times.Count < 10 || budget.ElapsedMilliseconds < 2000))
            {
                var start = Stopwatch.GetTimestamp();
                engine.Answer(question, index);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
            rows.Add((question, Median(times), bytes, answer.Intent, answer.Answered));
        }
        var medians = rows.Select(r => r.Median).ToList();
        var total = medians.Sum();
        Console.WriteLine($"== {title}");
        Console.WriteLine($"   per question (µs): median {Median(medians):0.0}, p90 {Percentile(medians, 0.9):0.0}, max {medians.Max():0.0}, mean {total / medians.Count:0.0}; " +
            $"allocated per question: median {Median(rows.Select(r => (double)r.Bytes).ToList()) / 1024:0.0} KB, max {rows.Max(r => r.Bytes) / 1024.0:0.0} KB; " +
            $"answered {rows.Count(r => r.Answered)}/{rows.Count}");
        if (!verbose) return;
        foreach (var row in rows.OrderByDescending(r => r.Median))
            Console.WriteLine($"   {row.Median,9:0.0} µs {row.Bytes / 1024.0,8:0.0} KB  {(row.Answered ? "answered" : "declined"),-8} {row.Intent,-13} {Shorten(row.Question)}");
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
