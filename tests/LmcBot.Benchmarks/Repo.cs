using System.Text.Json;

namespace LmcBot.Benchmarks;

/// <summary>Paths in the repository and the shared dev questions.</summary>
internal static class Repo
{
    private static string? _root;

    /// <summary>The directory that holds LmcBot.sln, found by walking up from the current directory and from the binaries.</summary>
    public static string Root => _root ??= Locate();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>The shared eval folder: <c>../shared/eval</c> next to the worktree, or <c>LMCBOT_EVAL</c>.</summary>
    public static string EvalFolder =>
        Environment.GetEnvironmentVariable("LMCBOT_EVAL") is { Length: > 0 } explicitFolder
            ? explicitFolder
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval"));

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("LMCBOT_REPO") is { Length: > 0 } explicitRoot) return Path.GetFullPath(explicitRoot);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LmcBot.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("LmcBot.sln not found above " + Directory.GetCurrentDirectory() + "; set LMCBOT_REPO");
    }

    /// <summary>
    /// Every question of every <c>dev-questions*.jsonl</c> file, in file then line order; on a clone without the shared
    /// folder, the first <see cref="AnswerDevQuestions.QuestionCount"/> questions of the repository's own tests/eval in
    /// id order, said on standard error, so every mode runs on a fresh clone.
    /// </summary>
    public static IReadOnlyList<string> DevQuestions()
    {
        var files = Directory.Exists(EvalFolder) ? Directory.GetFiles(EvalFolder, "dev-questions*.jsonl").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no dev-questions*.jsonl in {EvalFolder}: using {AnswerDevQuestions.QuestionCount} questions of tests/eval instead");
            return [.. LmcBot.Fit.Evaluation.EvalSet.Load(Root).OrderBy(r => r.Id, StringComparer.Ordinal).Take(AnswerDevQuestions.QuestionCount).Select(r => r.Question)];
        }
        var questions = new List<string>();
        foreach (var file in files)
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                using var json = JsonDocument.Parse(line);
                questions.Add(json.RootElement.GetProperty("q").GetString()!);
            }
        return questions;
    }

    /// <summary>A fresh temporary directory (deleted by the caller).</summary>
    public static string TempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteQuietly(string? directory)
    {
        if (directory is null) return;
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
