using System.Text;

namespace LmcBot.Teams.Rendering;

/// <summary>Text shaping for cards: Teams' Markdown line breaks, and cuts that never split a character.</summary>
internal static class CardText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Card Markdown needs a blank line for a line break, except between list items, which a
    /// blank line would split into separate lists.
    /// </summary>
    public static string ToCardMarkdown(string text)
    {
        if (!text.Contains('\n'))
            return text;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var builder = new StringBuilder(text.Length + lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                builder.Append(IsListItem(lines[i - 1]) && IsListItem(lines[i]) ? "\n" : "\n\n");
            builder.Append(lines[i]);
        }
        return builder.ToString();
    }

    /// <summary>At most <paramref name="maxChars"/> characters, cut at a word break where one is near, ending in an ellipsis.</summary>
    public static string Cut(string text, int maxChars)
    {
        if (text.Length <= maxChars)
            return text;
        if (maxChars <= Ellipsis.Length)
            return Ellipsis;
        var cut = maxChars - Ellipsis.Length;
        if (char.IsLowSurrogate(text[cut]))
            cut--;
        var space = text.LastIndexOfAny([' ', '\n'], cut, Math.Min(cut, 40));
        if (space > 0)
            cut = space;
        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>The first line, cut to <paramref name="maxChars"/>: for notification summaries.</summary>
    public static string FirstLine(string text, int maxChars)
    {
        var end = text.IndexOf('\n');
        return Cut((end < 0 ? text : text[..end]).Trim(), maxChars);
    }

    private static bool IsListItem(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            return true;
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
            digits++;
        return digits > 0 && trimmed.AsSpan(digits).StartsWith(". ");
    }
}
