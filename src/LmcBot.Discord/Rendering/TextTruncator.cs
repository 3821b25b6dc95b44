namespace LmcBot.Discord.Rendering;

/// <summary>Shortens text to a Discord limit at a word boundary, marking the cut with an ellipsis.</summary>
internal static class TextTruncator
{
    public const char Ellipsis = '…';

    /// <summary>
    /// Returns <paramref name="text"/> trimmed and, if still longer than <paramref name="max"/> UTF-16 characters, cut
    /// at the last whitespace that keeps at least half of the allowance (else mid-word, never inside a surrogate pair)
    /// with an ellipsis appended, so the result is at most <paramref name="max"/> characters.
    /// </summary>
    public static string Truncate(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length <= max)
            return trimmed;

        var keep = max - 1;
        if (char.IsLowSurrogate(trimmed[keep]) && keep > 0)
            keep--;
        var cut = trimmed.AsSpan(0, keep);
        // Already at a word boundary when the first dropped character is whitespace.
        if (!char.IsWhiteSpace(trimmed[keep]))
        {
            var space = cut.LastIndexOfAny(' ', '\n', '\t');
            if (space >= keep / 2)
                cut = cut[..space];
        }
        return string.Concat(cut.TrimEnd(), Ellipsis.ToString());
    }
}
