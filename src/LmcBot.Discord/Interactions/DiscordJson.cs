using System.Text.Json;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// Strict reads of the fields we use from Discord JSON. A missing or null field is absent; a field of the wrong JSON
/// type, a number out of range, or text that is not valid UTF-8/UTF-16 (a lone surrogate escape) is a
/// <see cref="MalformedPayloadException"/> naming the field, so a signed but odd payload is refused, not a crash.
/// </summary>
internal static class DiscordJson
{
    public static string? String(JsonElement parent, string name) =>
        Field(parent, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String ? Text(value, name)
        : throw new MalformedPayloadException($"'{name}' must be a string.");

    /// <summary>A string value's text, refusing invalid UTF-8 and unpaired surrogates.</summary>
    public static string Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // GetString throws for invalid UTF-8 and for \uD800-style escapes that pair with nothing.
            throw new MalformedPayloadException($"'{name}' is not valid UTF-8 text.");
        }
    }

    public static int? Int32(JsonElement parent, string name) =>
        Field(parent, name) is not { } value ? null
        : value.ValueKind != JsonValueKind.Number ? throw new MalformedPayloadException($"'{name}' must be a number.")
        : value.TryGetInt32(out var number) ? number
        : throw new MalformedPayloadException($"'{name}' is not a whole number in range.");

    public static long? Int64(JsonElement parent, string name) =>
        Field(parent, name) is not { } value ? null
        : value.ValueKind != JsonValueKind.Number ? throw new MalformedPayloadException($"'{name}' must be a number.")
        : value.TryGetInt64(out var number) ? number
        : throw new MalformedPayloadException($"'{name}' is not a whole number in range.");

    public static bool? Boolean(JsonElement parent, string name) =>
        Field(parent, name) is not { } value ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new MalformedPayloadException($"'{name}' must be true or false.");

    public static JsonElement? Object(JsonElement parent, string name) =>
        Field(parent, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Object ? value
        : throw new MalformedPayloadException($"'{name}' must be an object.");

    public static JsonElement? Array(JsonElement parent, string name) =>
        Field(parent, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Array ? value
        : throw new MalformedPayloadException($"'{name}' must be an array.");

    /// <summary>The array's items, each a string (role ids).</summary>
    public static List<string> Strings(JsonElement parent, string name)
    {
        var list = new List<string>();
        if (Array(parent, name) is not { } array)
            return list;
        foreach (var item in array.EnumerateArray())
            list.Add(item.ValueKind == JsonValueKind.String ? Text(item, name)
                : throw new MalformedPayloadException($"'{name}' must hold strings only."));
        return list;
    }

    private static JsonElement? Field(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
        && value.ValueKind != JsonValueKind.Null ? value : null;
}
