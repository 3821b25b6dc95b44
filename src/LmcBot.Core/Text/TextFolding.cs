using System.Globalization;
using System.Text;

namespace LmcBot.Core.Text;

/// <summary>
/// Folds text for matching: Unicode NFKC, lower case, Latin diacritics removed (non-Latin scripts keep
/// their marks, which carry meaning), apostrophes and possessives dropped, punctuation and hyphens to spaces.
/// </summary>
public static class TextFolding
{
    /// <summary>Longest input that is analysed; anything longer is cut (questions are short).</summary>
    public const int MaxAnalysedLength = 2000;

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (text.Length > MaxAnalysedLength) text = text[..MaxAnalysedLength];
        text = Sanitize(text);
        string normalised;
        try
        {
            normalised = text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            normalised = text;
        }

        var sb = new StringBuilder(normalised.Length);
        var previousBaseIsLatin = false;
        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                if (!previousBaseIsLatin) sb.Append(c);
                continue;
            }
            previousBaseIsLatin = c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);
            switch (c)
            {
                case '\'' or '\u2019' or '\u2018' or '\u02BC':
                    // possessive 's / s' and inner apostrophes: "China's" -> "china", "Xi'an" -> "xian"
                    if (i + 1 < normalised.Length && (normalised[i + 1] == 's' || normalised[i + 1] == 'S')
                        && (i + 2 >= normalised.Length || !char.IsLetterOrDigit(normalised[i + 2])))
                        i++;
                    continue;
                case 'đ' or 'Đ':
                    sb.Append('d');
                    continue;
                case ',' when i > 0 && char.IsDigit(normalised[i - 1]) && i + 1 < normalised.Length && char.IsDigit(normalised[i + 1]):
                    continue; // 3,000 -> 3000
                case '.' when i > 0 && char.IsDigit(normalised[i - 1]) && i + 1 < normalised.Length && char.IsDigit(normalised[i + 1]):
                    sb.Append('.'); // 416.7 stays one number
                    continue;
            }
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                sb.Append(char.ToLowerInvariant(c));
            else if (char.IsSurrogate(c))
                sb.Append(' ');
            else
                sb.Append(' ');
        }
        string folded;
        try
        {
            folded = sb.ToString().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            folded = sb.ToString();
        }
        return CollapseSpaces(folded);
    }

    /// <summary>Tokens of the folded text (split on spaces).</summary>
    public static string[] Tokens(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The folded text without spaces: "Star Express", "star-express" and "StarExpress" agree.</summary>
    public static string Compact(string? text) => Fold(text).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>Removes control characters and lone surrogates, keeps everything else.</summary>
    public static string Sanitize(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                keep = false;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
            {
                keep = false;
            }
            if (!keep)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append(' ');
            }
            else
            {
                sb?.Append(c);
            }
        }
        return sb?.ToString() ?? text;
    }

    private static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }
}
