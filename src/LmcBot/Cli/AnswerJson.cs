using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LmcBot.Core.Chat;

namespace LmcBot.Cli;

/// <summary>The <c>ask --json</c> contract: one object per question, other tools depend on its shape.</summary>
public static class AnswerJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record CitationJson(
        [property: JsonPropertyName("document")] string Document,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("quote")] string Quote,
        [property: JsonPropertyName("grade")] string? Grade,
        [property: JsonPropertyName("date")] string? Date,
        [property: JsonPropertyName("url")] string? Url);

    public sealed record AnswerObject(
        [property: JsonPropertyName("question")] string Question,
        [property: JsonPropertyName("answered")] bool Answered,
        [property: JsonPropertyName("intent")] string Intent,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("confidence")] double Confidence,
        [property: JsonPropertyName("citations")] IReadOnlyList<CitationJson> Citations,
        [property: JsonPropertyName("suggestions")] IReadOnlyList<string> Suggestions,
        [property: JsonPropertyName("choices")] IReadOnlyList<string>? Choices);

    public static string Serialize(string question, Answer answer) =>
        JsonSerializer.Serialize(new AnswerObject(
            question,
            answer.Answered,
            answer.Intent.Name,
            answer.Text,
            Math.Round(answer.Confidence, 2),
            answer.Citations.Select(c => new CitationJson(c.DocumentId, c.Title, c.Quote, c.Grade, c.SourceDate, c.Url)).ToList(),
            answer.FollowUps.Select(f => f.Input).ToList(),
            answer.Choices.Count > 0 ? [.. answer.Choices.Select(c => c.Label)] : null), Options);
}
