using System.Text.Json.Nodes;

namespace LmcBot.Discord.Commands;

/// <summary>
/// Compares the commands we want with those Discord holds, on the fields we set, treating Discord's defaults
/// (type 1, required false, autocomplete false, no permissions) as absent so a round trip compares equal.
/// </summary>
internal sealed record CommandDiff(IReadOnlyList<string> Created, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    public bool HasChanges => Created.Count + Changed.Count + Removed.Count > 0;

    /// <summary>A chat-input command; Discord leaves <c>type</c> out for those in some answers.</summary>
    private static bool IsSlashCommand(JsonObject command) =>
        (command["type"]?.GetValue<int>() ?? (int)ApplicationCommandKind.ChatInput) == (int)ApplicationCommandKind.ChatInput;

    public static CommandDiff Compare(JsonArray desired, JsonArray existing)
    {
        var have = existing.OfType<JsonObject>()
            .Where(IsSlashCommand)
            .ToDictionary(c => c["name"]!.GetValue<string>(), StringComparer.Ordinal);
        var want = desired.OfType<JsonObject>().ToDictionary(c => c["name"]!.GetValue<string>(), StringComparer.Ordinal);

        var created = want.Keys.Where(name => !have.ContainsKey(name)).ToList();
        var removed = have.Keys.Where(name => !want.ContainsKey(name)).ToList();
        var changed = want.Where(pair => have.TryGetValue(pair.Key, out var old)
                && !JsonNode.DeepEquals(Canonical(pair.Value), Canonical(old)))
            .Select(pair => pair.Key)
            .ToList();
        // A non-chat command (user/message menu) would be removed by the bulk overwrite too.
        removed.AddRange(existing.OfType<JsonObject>()
            .Where(c => !IsSlashCommand(c))
            .Select(c => c["name"]!.GetValue<string>()));
        return new CommandDiff(created, changed, removed);
    }

    private static JsonObject Canonical(JsonObject command)
    {
        var result = new JsonObject
        {
            ["name"] = command["name"]?.DeepClone(),
            ["description"] = command["description"]?.DeepClone(),
            ["default_member_permissions"] = command["default_member_permissions"]?.DeepClone(),
            ["options"] = CanonicalOptions(command["options"] as JsonArray),
        };
        return result;
    }

    private static JsonArray CanonicalOptions(JsonArray? options)
    {
        var result = new JsonArray();
        foreach (var option in options?.OfType<JsonObject>() ?? [])
        {
            var canonical = new JsonObject
            {
                ["type"] = option["type"]?.DeepClone(),
                ["name"] = option["name"]?.DeepClone(),
                ["description"] = option["description"]?.DeepClone(),
                ["required"] = option["required"]?.GetValue<bool>() ?? false,
                ["autocomplete"] = option["autocomplete"]?.GetValue<bool>() ?? false,
                ["max_length"] = option["max_length"]?.DeepClone(),
                ["choices"] = option["choices"] is JsonArray choices
                    ? new JsonArray(choices.OfType<JsonObject>()
                        .Select(c => (JsonNode)new JsonObject { ["name"] = c["name"]?.DeepClone(), ["value"] = c["value"]?.DeepClone() })
                        .ToArray())
                    : new JsonArray(),
                ["options"] = CanonicalOptions(option["options"] as JsonArray),
            };
            result.Add(canonical);
        }
        return result;
    }
}
