using System.Text;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Names;

/// <summary>
/// Stage 2, resolve names: native-script names become their canonical English names and the region's
/// question words become English (<see cref="QuestionVocabulary"/>); typos of known words are
/// corrected; entity mentions are found (aliases, spacing and small typos tolerated); capitalised
/// words that match nothing known are kept as unknown names.
/// </summary>
internal static class NameResolver
{
    /// <summary>Longest question read, in tokens (questions are short; the rest is ignored).</summary>
    public const int MaxTokens = 64;

    public static ResolvedNames Resolve(NormalisedQuestion question, KnowledgeIndex index) =>
        Resolve(question, index, QuestionVocabulary.Default);

    public static ResolvedNames Resolve(NormalisedQuestion question, KnowledgeIndex index, QuestionVocabulary vocabulary)
    {
        var text = question.Folded;
        var translated = false;
        // Names first (longest first), so a name that holds a question word ("ประเทศไทย") stays a name.
        foreach (var (alias, name) in index.ScriptAliases)
            translated |= ReplaceAll(ref text, alias, " " + TextFolding.Fold(name) + " ");
        foreach (var (key, english) in vocabulary.ScriptWords)
            translated |= ReplaceAll(ref text, key, " " + english + " ");
        // What is left of a native-script run after its names and question words became English is grammar
        // ("的", "是做") that no English fact holds: it is dropped rather than read as unknown subject words.
        var typed = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !translated || !IsUnspacedScript(t)).ToArray();
        translated |= TranslatePhrases(ref typed, vocabulary);
        if (typed.Length > MaxTokens) typed = typed[..MaxTokens];

        var corrector = index.Corrector;
        var knownOrName = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool KnownOrName(string word)
        {
            if (!knownOrName.TryGetValue(word, out var known))
                knownOrName[word] = known = index.IsKnownWord(word) || index.Recognizer.IsNameToken(word);
            return known;
        }

        var corrected = new string[typed.Length];
        for (var i = 0; i < typed.Length; i++)
        {
            var token = typed[i];
            corrected[i] = KnownOrName(token) || token.Any(char.IsDigit)
                ? token
                : corrector.Correct(token) ?? ShortWordCorrection(token) ?? token;
        }
        var mentions = index.Recognizer.Recognize(corrected, KnownOrName);

        var aliasTexts = new List<string>();
        var fuzzyNameTokens = new HashSet<string>(StringComparer.Ordinal);
        // A longer word one typo away from a word the knowledge base uses is that word misspelt
        // ("Phuthay" for "Phuthai"), not the name of something unknown.
        for (var i = 0; i < typed.Length; i++)
            if (corrected[i] != typed[i] && typed[i].Length >= 6 && Levenshtein.Distance(typed[i], corrected[i], 1) <= 1)
                fuzzyNameTokens.Add(typed[i]);
        foreach (var mention in mentions)
        {
            if (mention.Fuzzy)
            {
                for (var k = 0; k < mention.Length; k++) fuzzyNameTokens.Add(typed[mention.Start + k]);
                continue;
            }
            var alias = string.Join(' ', corrected, mention.Start, mention.Length);
            if (TextFolding.Compact(alias) != index.Entities[mention.EntityId].CompactName && alias.Length >= 2) aliasTexts.Add(alias);
        }

        return new ResolvedNames
        {
            Typed = typed,
            Tokens = corrected,
            Mentions = mentions,
            AliasTexts = aliasTexts,
            UnknownNames = UnknownNameFinder.Find(question.Raw, index, fuzzyNameTokens),
            IsKnownOrName = KnownOrName,
            CanonicalText = Canonical(corrected, mentions, index),
            Translated = translated,
        };
    }

    /// <summary>The corrected tokens with each mention replaced by its entity's canonical name.</summary>
    private static string Canonical(string[] tokens, List<EntityMention> mentions, KnowledgeIndex index)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (sb.Length > 0) sb.Append(' ');
            var mention = mentions.FirstOrDefault(m => m.Start == i && m.Length > 0);
            if (mention.Length > 0)
            {
                sb.Append(index.Entities[mention.EntityId].Name);
                i += mention.Length - 1;
            }
            else
            {
                sb.Append(tokens[i]);
            }
        }
        return sb.ToString();
    }

    /// <summary>A token in a script written without spaces (Thai, Lao, Khmer, Burmese, Chinese and Japanese).</summary>
    private static bool IsUnspacedScript(string token) =>
        token.Any(c => c is (>= '\u0E00' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF') or (>= '\u3040' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF'));

    private static bool ReplaceAll(ref string text, string key, string replacement)
    {
        if (!text.Contains(key, StringComparison.Ordinal)) return false;
        text = text.Replace(key, replacement, StringComparison.Ordinal);
        return true;
    }

    private static bool TranslatePhrases(ref string[] tokens, QuestionVocabulary vocabulary)
    {
        if (vocabulary.LatinPhrases.Count == 0) return false;
        var result = new List<string>(tokens.Length);
        var changed = false;
        var expanded = false;
        for (var i = 0; i < tokens.Length;)
        {
            var matched = false;
            foreach (var (key, english) in vocabulary.LatinPhrases)
            {
                if (i + key.Length > tokens.Length || !tokens.AsSpan(i, key.Length).SequenceEqual(key)) continue;
                result.AddRange(english.Split(' '));
                i += key.Length;
                matched = true;
                // An English abbreviation ("fmm") expanded is not a question in another language.
                changed |= !vocabulary.EnglishPhrases.Contains(string.Join(' ', key));
                expanded = true;
                break;
            }
            if (!matched) result.Add(tokens[i++]);
        }
        if (changed || expanded) tokens = [.. result];
        return changed;
    }

    /// <summary>The one short question word (same first letter) a three- or four-letter typo is one edit from ("opn" → "open").</summary>
    private static string? ShortWordCorrection(string token)
    {
        if (token.Length is < 3 or > 4 || !token.All(char.IsAsciiLetterLower)) return null; // longer words are the vocabulary corrector's
        string? found = null;
        foreach (var word in Lexicon.ShortQuestionWords)
        {
            if (word[0] != token[0] || Levenshtein.Distance(token, word, 1) > 1) continue;
            if (found is not null) return null; // ambiguous
            found = word;
        }
        return found;
    }
}
