using System.Text;
using System.Text.Json.Nodes;

namespace LmcBot.Testing.Discord;

/// <summary>A request the fake Discord received, as it arrived.</summary>
public sealed record RecordedRequest(
    string Method, string Path, string? Authorization, string? UserAgent, string? ContentType, byte[] Body, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The JSON body, or the <c>payload_json</c> part of a multipart body.</summary>
    public JsonNode? Json()
    {
        if (Body.Length == 0)
            return null;
        if (ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) == true)
        {
            var text = BodyText;
            var marker = "name=payload_json";
            var start = text.IndexOf(marker, StringComparison.Ordinal);
            var jsonStart = text.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4;
            var jsonEnd = text.IndexOf("\r\n--", jsonStart, StringComparison.Ordinal);
            return JsonNode.Parse(text[jsonStart..jsonEnd]);
        }
        return JsonNode.Parse(Body);
    }

    public bool IsMultipart => ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) == true;
}
