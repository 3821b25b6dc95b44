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
        // LMCBOT_PROFILE_BOT=1: the whole router (ChatBot.HandleAsync, as the adapters call it) instead of the engine alone.
        var bot = Environment.GetEnvironmentVariable("LMCBOT_PROFILE_BOT") == "1" ? shipped?.CreateBot() : null;
        Console.WriteLine($"profiling {target}{(bot is null ? "" : " through ChatBot")} for {seconds} s");
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
            foreach (var question in questions)
            {
                if (bot is not null)
                    bot.HandleAsync(new LmcBot.Core.Chat.ChatRequest
                    {
                        Platform = LmcBot.Core.Chat.ChatPlatform.Discord,
                        Sender = new LmcBot.Core.Chat.ChatSender("4000000000000000000", "load"),
                        ScopeId = "2000000000000000000",
                        Command = "ask",
                        Options = new Dictionary<string, string>(StringComparer.Ordinal) { ["question"] = question },
                    }).GetAwaiter().GetResult();
                else
                    engine.Answer(question, index);
                count++;
            }
        Console.WriteLine($"{count} answers, {watch.Elapsed.TotalMicroseconds / count:0.0} µs each");
        shipped?.Dispose();
        return 0;
    }
}
