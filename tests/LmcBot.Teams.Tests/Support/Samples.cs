using System.Text.Json.Nodes;

namespace LmcBot.Teams.Tests.Support;

/// <summary>
/// Recorded activity payloads under Samples/. Placeholders <c>{{serviceUrl}}</c>, <c>{{botId}}</c>
/// and <c>{{appId}}</c> are filled in for the host at hand.
/// </summary>
public static class Samples
{
    public static string Load(string name, string serviceUrl, string appId, Action<JsonObject>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name))
            .Replace("{{serviceUrl}}", serviceUrl, StringComparison.Ordinal)
            .Replace("{{botId}}", "28:" + appId, StringComparison.Ordinal)
            .Replace("{{appId}}", appId, StringComparison.Ordinal);
        if (edit is null)
            return text;
        var node = JsonNode.Parse(text)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}
