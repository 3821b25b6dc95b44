using System.Text.Json;

namespace LmcBot.Fit.Evaluation;

/// <summary>The evaluation's files: one JSON object per line, ids unique across a folder's files.</summary>
public static class JsonLines
{
    /// <summary>
    /// Every row of <paramref name="folder"/>'s <c>*.jsonl</c> files, in file and line order. A malformed line, a reused
    /// id, or a row <paramref name="check"/> refuses (it returns the reason) is an error naming its file and line.
    /// </summary>
    public static List<T> Load<T>(string folder, Func<T, string> idOf, Func<T, string?>? check = null, Action<T, string>? fromFile = null)
    {
        var rows = new List<T>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                T row;
                try
                {
                    row = JsonSerializer.Deserialize<T>(text) ?? throw new JsonException("null row");
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{name}:{line}: {ex.Message}", ex);
                }
                if (!ids.Add(idOf(row))) throw new InvalidDataException($"{name}:{line}: id {idOf(row)} is used twice.");
                if (check?.Invoke(row) is { } problem) throw new InvalidDataException($"{name}:{line}: {problem}");
                fromFile?.Invoke(row, name);
                rows.Add(row);
            }
        }
        return rows;
    }
}
