using System.Text.Json;
using System.Text.Json.Serialization;

namespace LmcBot.Core.Chat;

/// <summary>An <see cref="Intent"/> in JSON is its name (the admin endpoint returns answers to the CLI as JSON).</summary>
internal sealed class IntentJsonConverter : JsonConverter<Intent>
{
    public override Intent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && Intent.TryParse(name, out var intent)
            ? intent!
            : throw new JsonException($"\"{reader.GetString()}\" is not an intent.");

    public override void Write(Utf8JsonWriter writer, Intent value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
