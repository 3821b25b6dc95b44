using System.Diagnostics;
using System.Globalization;
using LmcBot.Core.Answering;

namespace LmcBot.Benchmarks;

/// <summary>
/// A tight loop over a question set for a number of seconds, to run under a sampling profiler
/// (<c>DOTNET_PerfMapEnabled=1 perf record -g dotnet LmcBot.Benchmarks.dll profile dev 20 [question…]</c>).
/// </summary>
internal static class Profile
{
    public static int Run(string[] args)
    {
        var target = args.ElementAtOrDefault(0) ?? "dev";
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        ShippedKnowledge? shipped = null;
        KnowledgeIndex index;
        IReadOnlyList<string> questions;
        if (target == "dev")
        {
            shipped = new ShippedKnowledge();
            index = shipped.Index;
            questions = Repo.DevQuestions();
        }
        else
        {
            var synthetic = SyntheticKnowledge.Generate(int.Parse(target, CultureInfo.InvariantCulture));
            index = KnowledgeIndex.Build(synthetic.Content);
            questions = synthetic.Questions;
        }
        if (args.Length > 2) questions = args[2..];
        var engine = new AnswerEngine();
        Console.WriteLine($"profiling {target} for {seconds} s");
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
            foreach (var question in questions)
            {
                engine.Answer(question, index);
                count++;
            }
        Console.WriteLine($"{count} answers, {watch.Elapsed.TotalMicroseconds / count:0.0} µs each");
        shipped?.Dispose();
        return 0;
    }
}
