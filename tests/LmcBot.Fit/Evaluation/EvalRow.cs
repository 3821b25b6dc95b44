using System.Text.Json.Serialization;

namespace LmcBot.Fit.Evaluation;

/// <summary>One labelled question of tests/eval (the format is in tests/eval/README.md); a conversation's turn is one too.</summary>
public class EvalRow
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("q")] public string Question { get; set; } = "";
    [JsonPropertyName("answerable")] public bool Answerable { get; set; }
    [JsonPropertyName("facts")] public List<string> Facts { get; set; } = [];
    [JsonPropertyName("document")] public string? Document { get; set; }
    [JsonPropertyName("sentence")] public string? Sentence { get; set; }
    [JsonPropertyName("expect_all")] public List<string> ExpectAll { get; set; } = [];
    [JsonPropertyName("expect_any")] public List<string> ExpectAny { get; set; } = [];
    [JsonPropertyName("decline")] public string? Decline { get; set; }
    [JsonPropertyName("tags")] public List<string> Tags { get; set; } = [];
    [JsonPropertyName("lang")] public string Lang { get; set; } = "en";

    /// <summary>The file it came from (imported-questions rows need the imported documents).</summary>
    [JsonIgnore] public string File { get; set; } = "";

    [JsonIgnore] public bool IsValidation => EvalSplit.IsValidation(Id);

    [JsonIgnore] public bool IsNative => Tags.Contains("native") || Lang != "en";

    public override string ToString() => $"{Id}: {Question}";
}
