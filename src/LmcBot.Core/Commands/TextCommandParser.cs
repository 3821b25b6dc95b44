using System.Text;

namespace LmcBot.Core.Commands;

/// <summary>
/// Reads text commands (<c>route StarExpress</c>, <c>kb add citypair city_a:Kunming city_b:"Chiang Mai"</c>,
/// <c>kb list --kind citypair</c>) against the catalog, for Teams and the console, where there are no
/// slash commands.
/// </summary>
public static class TextCommandParser
{
    /// <summary>The command the text starts with, or null when it does not start with a command name.</summary>
    public static ParsedCommand? Parse(string text, CommandCatalog catalog)
    {
        var words = Split(text.Trim().TrimStart('/'));
        if (words.Count == 0) return null;
        string? path = null;
        CommandDefinition? command = null;
        var used = 0;
        for (var n = Math.Min(3, words.Count); n >= 1; n--)
        {
            var candidate = string.Join(' ', words.Take(n)).ToLowerInvariant();
            if (catalog.Find(candidate) is { } found)
            {
                path = candidate;
                command = found;
                used = n;
                break;
            }
        }
        if (command is null || path is null) return null;

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = used; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                var name = word[2..].Replace('-', '_');
                var option = command.Options.FirstOrDefault(o => o.Name == name);
                if (option?.Type == CommandOptionType.Boolean || i + 1 >= words.Count)
                    options[name] = "true";
                else
                    options[name] = words[++i];
                continue;
            }
            var colon = word.IndexOf(':');
            if (colon > 0 && IsOptionName(word[..colon]) && command.Options.Any(o => string.Equals(o.Name, word[..colon], StringComparison.OrdinalIgnoreCase)))
            {
                options[word[..colon].ToLowerInvariant()] = word[(colon + 1)..];
                continue;
            }
            positional.Add(word);
        }
        return new ParsedCommand(path, command, options, positional.Count == 0 ? null : string.Join(' ', positional));
    }

    private static bool IsOptionName(string text) => text.Length is > 0 and <= 32 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Splits on white space, keeping "quoted words" (and name:"quoted value") together.</summary>
    internal static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else current.Append(c);
                continue;
            }
            if (c is '"' or '“' or '”')
            {
                quote = c == '“' ? '”' : c;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
