using System.Text.Json;

namespace LmcBot.Fit.Evaluation;

/// <summary>The repository's labelled questions (tests/eval/*.jsonl) and the documents an admin would import for some of them.</summary>
public static class EvalSet
{
    public const string ImportedQuestionsFile = "imported-questions.jsonl";

    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "eval");

    /// <summary>Every row of every file, in file and line order; a malformed line is an error naming it.</summary>
    public static List<EvalRow> Load(string repositoryRoot)
    {
        var rows = new List<EvalRow>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder(repositoryRoot), "*.jsonl").Order(StringComparer.Ordinal))
        {
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                EvalRow row;
                try
                {
                    row = JsonSerializer.Deserialize<EvalRow>(text) ?? throw new JsonException("null row");
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}:{line}: {ex.Message}", ex);
                }
                if (!ids.Add(row.Id)) throw new InvalidDataException($"{Path.GetFileName(file)}:{line}: id {row.Id} is used twice.");
                row.File = Path.GetFileName(file);
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>The documents that imported-questions rows ask about (tests/eval/imported/*.md).</summary>
    public static IReadOnlyList<string> ImportedDocuments(string repositoryRoot) =>
        [.. Directory.GetFiles(Path.Combine(Folder(repositoryRoot), "imported"), "*.md").Order(StringComparer.Ordinal)];
}
