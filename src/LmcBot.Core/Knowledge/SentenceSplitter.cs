namespace LmcBot.Core.Knowledge;

/// <summary>Splits a paragraph into sentences without breaking on abbreviations, initials or decimals.</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "approx", "e.g", "i.e", "etc", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "p.m", "a.m", "inc", "ltd", "co", "corp", "dept",
        "gov", "govt", "est", "fig", "vol", "km", "sq", "ca", "cf", "al",
    };

    public static IReadOnlyList<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?' or '。' or '！' or '？')) continue;
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '\'' or '”' or '’' or ')') end++;
            if (c is '。' or '！' or '？')
            {
                Add(sentences, paragraph[start..end]);
                start = end;
                continue;
            }
            if (end < paragraph.Length && !char.IsWhiteSpace(paragraph[end])) continue;
            var next = end;
            while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next])) next++;
            if (next < paragraph.Length && !(char.IsUpper(paragraph[next]) || char.IsDigit(paragraph[next]) || paragraph[next] is '"' or '“' or '(')) continue;
            if (c == '.' && IsAbbreviation(paragraph, i)) continue;
            Add(sentences, paragraph[start..end]);
            start = next;
            i = next - 1;
        }
        if (start < paragraph.Length) Add(sentences, paragraph[start..]);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "Xi J. Ping"
        return Abbreviations.Contains(word);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0) sentences.Add(trimmed);
    }
}
