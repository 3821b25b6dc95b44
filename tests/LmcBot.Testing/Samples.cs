namespace LmcBot.Testing;

/// <summary>
/// Recorded payloads under the test project's Samples/ folder, with each <c>{key}</c> filled in;
/// <c>{token}</c> becomes a fresh interaction token.
/// </summary>
public static class Samples
{
    public static string Load(string name, params (string Key, string Value)[] replacements)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));
        foreach (var (key, value) in replacements)
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        return text.Replace("{token}", "token-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
    }
}
