namespace LmcBot.Core.Chat.Presentation;

/// <summary>
/// The one rule for shortening text to a platform's limit (a Discord embed field, a Teams notification summary):
/// cut at a word break when one keeps at least half of the allowance, else mid-word, never inside a surrogate pair,
/// and mark the cut with an ellipsis. The limit is the adapter's; the rule is the same everywhere.
/// </summary>
public static class TextShortening
{
    public const char Ellipsis = '…';

    /// <summary>
    /// A word break is taken only if the text before it is at least this share of the allowance; an earlier break would
    /// throw away more than it saves (one long word, a URL, text without spaces), so the cut falls mid-word instead.
    /// </summary>
    public const double MinShareKeptAtWordBreak = 0.5;

    private static readonly char[] WordBreaks = [' ', '\n', '\t', '\r'];

    /// <summary>
    /// <paramref name="text"/> itself when it has at most <paramref name="max"/> UTF-16 characters; otherwise its longest
    /// prefix that ends at a word break (see <see cref="MinShareKeptAtWordBreak"/>) or, failing that, at a character
    /// boundary, with trailing whitespace removed and <see cref="Ellipsis"/> appended, so the result is at most
    /// <paramref name="max"/> characters. A limit of 0 leaves nothing.
    /// </summary>
    public static string Shorten(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        text ??= string.Empty;
        if (text.Length <= max)
            return text;
        if (max == 0)
            return string.Empty;

        var keep = max - 1; // room for the ellipsis
        if (keep > 0 && char.IsLowSurrogate(text[keep]))
            keep--;
        var cut = text.AsSpan(0, keep);
        // Already at a word break when the first character left out is one.
        if (!char.IsWhiteSpace(text[keep]))
        {
            var lastBreak = cut.LastIndexOfAny(WordBreaks);
            if (lastBreak > 0 && lastBreak >= (int)(keep * MinShareKeptAtWordBreak))
                cut = cut[..lastBreak];
        }
        return string.Concat(cut.TrimEnd(), Ellipsis.ToString());
    }
}
