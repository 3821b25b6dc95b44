using LmcBot.Fit.Evaluation;

namespace LmcBot.Testing;

/// <summary>Questions from the repository's evaluation data (tests/eval).</summary>
public static class EvalQuestions
{
    /// <summary>Every fourth question, a spread over every topic.</summary>
    public static IEnumerable<string> Spread() =>
        EvalSet.Load(RepoPaths.Root).Where((_, i) => i % 4 == 0).Select(r => r.Question);
}
