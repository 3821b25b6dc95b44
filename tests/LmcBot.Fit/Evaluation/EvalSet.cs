namespace LmcBot.Fit.Evaluation;

/// <summary>The repository's labelled questions (tests/eval/*.jsonl) and the documents an admin would import for some of them.</summary>
public static class EvalSet
{
    public const string ImportedQuestionsFile = "imported-questions.jsonl";

    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "eval");

    /// <summary>Every row of every file, in file and line order; a malformed line is an error naming it.</summary>
    public static List<EvalRow> Load(string repositoryRoot) =>
        JsonLines.Load<EvalRow>(Folder(repositoryRoot), r => r.Id, fromFile: (r, file) => r.File = file);

    /// <summary>The documents that imported-questions rows ask about (tests/eval/imported/*.md).</summary>
    public static IReadOnlyList<string> ImportedDocuments(string repositoryRoot) =>
        [.. Directory.GetFiles(Path.Combine(Folder(repositoryRoot), "imported"), "*.md").Order(StringComparer.Ordinal)];
}
