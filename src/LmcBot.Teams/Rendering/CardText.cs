using System.Text;
using LmcBot.Core.Chat.Presentation;

namespace LmcBot.Teams.Rendering;

/// <summary>Text shaping for cards: Teams' Markdown line breaks; text is shortened by the core's one rule, <see cref="TextShortening"/>.</summary>
internal static class CardText
{
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

    /// <summary>The first line, cut to <paramref name="maxChars"/>: for notification summaries.</summary>
    public static string FirstLine(string text, int maxChars)
    {
        var end = text.IndexOf('\n');
        return TextShortening.Shorten((end < 0 ? text : text[..end]).Trim(), maxChars);
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
