using System.Net;
using System.Text.Json.Nodes;

namespace LmcBot.Discord.Rest;

/// <summary>The outcome of a REST call: expected failures (4xx, an unknown interaction) are values, not exceptions.</summary>
public sealed record DiscordRestResponse(HttpStatusCode StatusCode, JsonNode? Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>Discord's JSON error code (10062 Unknown Interaction, 40060 already acknowledged…), when present.</summary>
    public int? ErrorCode => Body is JsonObject o && o["code"] is JsonValue v && v.TryGetValue<int>(out var code) ? code : null;

    public string Describe() => IsSuccess
        ? $"{(int)StatusCode}"
        : $"{(int)StatusCode} {StatusCode}{(ErrorCode is { } c ? $" (code {c})" : "")}: {Body?["message"]?.ToString() ?? Body?.ToJsonString() ?? "no body"}";
}
