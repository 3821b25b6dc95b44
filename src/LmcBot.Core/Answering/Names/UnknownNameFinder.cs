using System.Text.RegularExpressions;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Names;

/// <summary>
/// Words written with a capital inside the sentence (not its first word) that the knowledge base does
/// not know: names of things it has no facts about. An unknown name is a reason to decline; an unknown
/// ordinary word is not.
/// </summary>
internal static partial class UnknownNameFinder
{
    public static List<string> Find(string raw, KnowledgeIndex index, HashSet<string> fuzzyNameTokens)
    {
        var result = new List<string>();
        var i = -1;
        foreach (var match in Word().EnumerateMatches(raw))
        {
            i++;
            if (!char.IsUpper(raw[match.Index])) continue;
            var start = match.Index;
            var before = raw.AsSpan(0, start).TrimEnd();
            var sentenceStart = i == 0 || before.Length == 0 || before[^1] is '.' or '?' or '!' or ':' or '"' or '“';
            if (sentenceStart) continue;
            var word = raw.Substring(match.Index, match.Length);
            // A word in capitals throughout ("WHEN DID IT OPEN") is shouting, not a name.
            if (word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && raw.Count(char.IsLower) < raw.Count(char.IsUpper)) continue;
            var parts = IsAsciiLetters(word) ? [word.ToLowerInvariant()] : TextFolding.Tokens(word);
            if (parts.All(part => part.Length < 3 || Lexicon.StopWords.Contains(part) || index.IsKnownWord(part)
                    || index.Recognizer.IsNameToken(part) || fuzzyNameTokens.Contains(part)))
                continue;
            result.Add(word);
        }
        return result;
    }

    private static bool IsAsciiLetters(string word)
    {
        foreach (var c in word)
            if (!char.IsAsciiLetter(c)) return false;
        return word.Length > 0;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}'’-]*")]
    private static partial Regex Word();
}
