using BenchmarkDotNet.Attributes;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;

namespace LmcBot.Benchmarks;

/// <summary>Hostile or unusual input through ChatBot.Ask: each must be answered or declined in well under 10 ms.</summary>
[Config(typeof(BenchConfig))]
public class BadInput
{
    private ShippedKnowledge _knowledge = null!;
    private ChatBot _bot = null!;
    private string _question = "";

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs => BadInputs.All.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = new ShippedKnowledge();
        _bot = _knowledge.CreateBot();
        _question = BadInputs.All[Input];
    }

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    [Benchmark]
    public bool Ask() => _bot.Ask(_question, ChatPlatform.Cli).Answered;
}

/// <summary>The inputs, by a short name that reads well in a results table.</summary>
internal static class BadInputs
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // 100 KB of a real question repeated: refused by the length guard after sanitising.
        ["100KB"] = string.Concat(Enumerable.Repeat("Which countries are in the Lancang-Mekong Cooperation? ", 100 * 1024 / 55 + 1))[..(100 * 1024)],
        // Just under the length guard: the longest question the engine analyses.
        ["1000chars"] = string.Concat(Enumerable.Repeat("When was the China-Laos Railway opened and who runs it? ", 18))[..1000],
        ["control"] = "When was the China\u0000-Laos\u0007 Railway\u001B[31m opened?\u0085\u009B\u0008\u007F",
        ["surrogates"] = "Where does the \uD800StarExpress\uDC00 stop? \uDFFF\uD83D",
        ["emoji"] = "🚄🚄 What is the StarExpress? 🇱🇦🇨🇳 👍🏽👨‍👩‍👧 🙂",
        ["rtl"] = "متى تم افتتاح السكك الحديدية بين الصين ولاوس؟ \u202Eyawliar soal-anihc\u202C מה זה LMC?",
    };
}
