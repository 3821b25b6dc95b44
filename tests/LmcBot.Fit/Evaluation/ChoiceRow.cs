using System.Text.Json.Serialization;

namespace LmcBot.Fit.Evaluation;

/// <summary>
/// One labelled question of tests/eval/choices (the format is in tests/eval/README.md): an ambiguous question and the
/// meanings it may have, each a group of fact ids any one of which answers that meaning; or an unambiguous one that must
/// not ask.
/// </summary>
public sealed class ChoiceRow
{
    public const string FolderName = "choices";

    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("q")] public string Question { get; set; } = "";
    [JsonPropertyName("ambiguous")] public bool Ambiguous { get; set; }
    /// <summary>Ambiguous rows: the meanings, each the fact ids of one subject.</summary>
    [JsonPropertyName("choices")] public List<List<string>> Choices { get; set; } = [];
    /// <summary>Unambiguous rows taken from the answering evaluation: the row they copy.</summary>
    [JsonPropertyName("from")] public string? From { get; set; }
    [JsonPropertyName("tags")] public List<string> Tags { get; set; } = [];

    [JsonIgnore] public bool IsValidation => EvalSplit.IsValidation(Id);

    /// <summary>The meaning a fact belongs to (its position in <see cref="Choices"/>), or -1.</summary>
    public int MeaningOf(string factId) => Choices.FindIndex(group => group.Contains(factId, StringComparer.Ordinal));

    public override string ToString() => $"{Id}: {Question}";

    /// <summary>Every row of tests/eval/choices/*.jsonl, in file and line order; a malformed line or a reused id is an error naming it.</summary>
    public static List<ChoiceRow> Load(string repositoryRoot) =>
        JsonLines.Load<ChoiceRow>(Path.Combine(EvalSet.Folder(repositoryRoot), FolderName), r => r.Id,
            r => r.Ambiguous && r.Choices.Count < 2 ? "an ambiguous row needs at least two choices." : null);
}
