using System.Text;

namespace LmcBot.Core.Knowledge;

/// <summary>Folds whitespace and typographic quotes, and nothing else, so a quote can be found in its document.</summary>
public static class QuoteText
{
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u00A0' => ' ',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
