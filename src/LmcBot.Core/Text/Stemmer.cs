namespace LmcBot.Core.Text;

/// <summary>
/// A light English suffix stripper, enough to make "investing", "invests" and "invested" meet. It is
/// applied to folded Latin tokens only; other scripts pass through unchanged.
/// </summary>
public static class Stemmer
{
    public static string Stem(string token)
    {
        if (token.Length <= 3 || !IsLatinWord(token)) return token;
        string s = token;
        if (s.EndsWith("ies", StringComparison.Ordinal) && s.Length > 4) s = s[..^3] + "y";
        else if (s.EndsWith("sses", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith("ches", StringComparison.Ordinal) || s.EndsWith("shes", StringComparison.Ordinal) || s.EndsWith("xes", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith('s') && !s.EndsWith("ss", StringComparison.Ordinal) && !s.EndsWith("us", StringComparison.Ordinal) && !s.EndsWith("is", StringComparison.Ordinal)) s = s[..^1];

        if (s.EndsWith("ing", StringComparison.Ordinal) && s.Length > 5) s = Undouble(s[..^3]);
        else if (s.EndsWith("ied", StringComparison.Ordinal) && s.Length > 4) s = s[..^3] + "y";
        else if (s.EndsWith("ed", StringComparison.Ordinal) && s.Length > 4 && !s.EndsWith("eed", StringComparison.Ordinal)) s = Undouble(s[..^2]);

        if (s.EndsWith("ment", StringComparison.Ordinal) && s.Length > 7) s = s[..^4];
        else if (s.EndsWith("ation", StringComparison.Ordinal) && s.Length > 7) s = s[..^5] + "e";
        else if (s.EndsWith("or", StringComparison.Ordinal) && s.Length > 6) s = s[..^2];
        else if (s.EndsWith("er", StringComparison.Ordinal) && s.Length > 6) s = s[..^2];
        // "theme" would become the pronoun "them", a stop word: the meetings' themes were unaskable.
        if (s.EndsWith('e') && s.Length > 4 && s != "theme") s = s[..^1];
        return s;
    }

    private static string Undouble(string s) =>
        s.Length > 3 && s[^1] == s[^2] && s[^1] is not ('l' or 's' or 'z') ? s[..^1] : s;

    private static bool IsLatinWord(string token)
    {
        foreach (var c in token)
            if (c > 0x024F && !(c >= 0x1E00 && c <= 0x1EFF)) return false;
        return true;
    }
}
