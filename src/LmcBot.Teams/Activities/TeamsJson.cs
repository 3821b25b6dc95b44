using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LmcBot.Teams.Connector;
using LmcBot.Teams.Messaging;

namespace LmcBot.Teams.Activities;

/// <summary>Source-generated serialisation of everything the adapter reads or writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboundActivity))]
[JsonSerializable(typeof(OutboundActivity))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(HealthCheckResponse))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;

/// <summary>The serialiser settings: source-generated, and non-ASCII text kept as UTF-8 so size limits count real bytes.</summary>
internal static class TeamsJson
{
    // The options given to the context replace the attribute's, so they repeat them exactly
    // (a difference, such as JsonSerializerDefaults.Web's number handling, would also switch off
    // the generated fast path) and add only the encoder.
    public static TeamsJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Bodies go to HTTP APIs, never into HTML, so HTML-sensitive characters need no escaping;
        // escaping every Thai or Chinese character as \uXXXX would triple its size.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Serialize(OutboundActivity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, Context.OutboundActivity);
}
