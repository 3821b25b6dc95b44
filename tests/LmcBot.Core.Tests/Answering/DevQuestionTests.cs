using System.Text.Json;
using System.Text.RegularExpressions;
using LmcBot.Core.Chat;
using Xunit.Sdk;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Answering;

/// <summary>
/// The shared dev questions (../shared/eval, outside the repository), through the same path as <c>ask --json</c>: an
/// extra check that runs only where that folder exists, and says so where it does not. The project's own
/// evaluation data is tests/eval (<see cref="EvaluationTests"/>).
/// </summary>
public sealed class DevQuestionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static bool SharedEvalExists => Directory.Exists(Path.Combine(RepoPaths.Shared, "eval"));

    public static TheoryData<string, string> Questions()
    {
        var data = new TheoryData<string, string>();
        if (!SharedEvalExists)
        {
            data.Add("shared-eval-absent", "");
            return data;
        }
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "eval"), "dev-questions*.jsonl").Order())
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                data.Add(Path.GetFileNameWithoutExtension(file) + "/" + json.RootElement.GetProperty("id").GetString(), line);
            }
        return data;
    }

    [Fact]
    public void Questions_AreFound_InSharedEval_WhenItExists()
    {
        if (!SharedEvalExists)
        {
            output.WriteLine($"{Path.Combine(RepoPaths.Shared, "eval")} does not exist: the shared dev questions were not run (an extra check only).");
            return;
        }
        Assert.True(Questions().Count >= 30, "expected the shared dev questions beside the repository");
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void DevQuestion_IsAnsweredOrDeclined_AsExpected(string id, string line)
    {
        if (line.Length == 0)
        {
            output.WriteLine($"{id}: {Path.Combine(RepoPaths.Shared, "eval")} does not exist; nothing to check.");
            return;
        }
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var question = root.GetProperty("q").GetString()!;
        var answer = TestBot.Shared.Ask(question, ChatPlatform.Cli);
        if (root.TryGetProperty("unanswerable", out var u) && u.GetBoolean())
        {
            if (answer.Answered) throw new XunitException($"{id}: \"{question}\" must be declined but got: {answer.Text}");
            return;
        }
        var all = root.TryGetProperty("expect_all", out var a) ? a.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        AnswerAssert.Answered(question, answer, all);
        if (root.TryGetProperty("expect_any", out var any))
        {
            var patterns = any.EnumerateArray().Select(e => e.GetString()!).ToList();
            if (!patterns.Any(p => Regex.IsMatch(answer.Text, p, RegexOptions.IgnoreCase)))
                throw new XunitException($"{id}: none of {string.Join(", ", patterns)} in: {answer.Text}");
        }
    }
}
