using LmcBot.Core.Text;

namespace LmcBot.Core.Answering;

/// <summary>
/// Finds entity names in folded tokens: the longest run of tokens whose letters, spaces removed, equal
/// a known name ("star express" = "starexpress" = "StarExpress"), and names in scripts written
/// without spaces (Chinese, Thai, Lao, Khmer, Burmese) as substrings.
/// </summary>
internal sealed class EntityRecognizer
{
    private const int MaxTokensPerName = 7;
    private readonly Dictionary<string, int> _latin = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Entity)> _unspaced = [];
    private readonly Dictionary<int, List<string>> _fuzzyByLength = [];
    private readonly HashSet<string> _nameTokens = new(StringComparer.Ordinal);

    public void Add(string name, int entityId)
    {
        var compact = TextFolding.Compact(name);
        if (compact.Length == 0) return;
        _nameTokens.UnionWith(TextFolding.Tokens(name));
        if (IsLatinOrDigits(compact))
        {
            _latin.TryAdd(compact, entityId);
            if (compact.Length >= 5)
            {
                if (!_fuzzyByLength.TryGetValue(compact.Length, out var list)) _fuzzyByLength[compact.Length] = list = [];
                list.Add(compact);
            }
        }
        else if (!_unspaced.Any(u => u.Key == compact))
        {
            _unspaced.Add((compact, entityId));
        }
    }

    public void Seal() => _unspaced.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));

    public bool IsNameToken(string compact) => _latin.ContainsKey(compact);

    /// <summary>
    /// Entity mentions in <paramref name="tokens"/>, longest names first. With <paramref name="isKnownWord"/>,
    /// a run that holds a word the knowledge base does not know may match a name with a small typo.
    /// </summary>
    public List<EntityMention> Recognize(IReadOnlyList<string> tokens, Func<string, bool>? isKnownWord = null)
    {
        var found = new List<EntityMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            var exactLength = 0;
            var exactEntity = -1;
            var max = Math.Min(MaxTokensPerName, tokens.Count - i);
            for (var n = max; n >= 1; n--)
            {
                var key = n == 1 ? tokens[i] : string.Concat(tokens.Skip(i).Take(n));
                if (_latin.TryGetValue(key, out var entity))
                {
                    exactLength = n;
                    exactEntity = entity;
                    break;
                }
            }
            // A longer name with a typo beats a shorter exact one: "china loas railway" is the railway, not China.
            if (isKnownWord is not null)
            {
                var fuzzyMatched = false;
                for (var n = Math.Min(4, tokens.Count - i); n > exactLength && !fuzzyMatched; n--)
                {
                    var key = n == 1 ? tokens[i] : string.Concat(tokens.Skip(i).Take(n));
                    if (key.Length < 5 || !IsLatinOrDigits(key) || key.Any(char.IsDigit)) continue;
                    // Only runs of name words and unknown words: "china loas railway", not "does hanoi".
                    var hasUnknown = false;
                    var allNameLike = true;
                    for (var t = i; t < i + n; t++)
                    {
                        var unknown = !isKnownWord(tokens[t]);
                        hasUnknown |= unknown;
                        allNameLike &= unknown || _nameTokens.Contains(tokens[t]);
                    }
                    if (!hasUnknown || !allNameLike) continue;
                    if (FuzzyLookup(key) is { } best)
                    {
                        found.Add(new EntityMention(_latin[best], i, n, true));
                        i += n;
                        fuzzyMatched = true;
                    }
                }
                if (fuzzyMatched) continue;
            }
            if (exactLength > 0)
            {
                found.Add(new EntityMention(exactEntity, i, exactLength, false));
                i += exactLength;
                continue;
            }
            var token = tokens[i];
            if (!IsLatinOrDigits(token))
            {
                // Scripts without spaces: look for names inside this token and the ones that follow it.
                var joined = string.Concat(tokens.Skip(i).Take(4).TakeWhile(t => !IsLatinOrDigits(t)));
                foreach (var (unspacedKey, entity) in _unspaced)
                    if (joined.Contains(unspacedKey, StringComparison.Ordinal) && !found.Any(f => f.EntityId == entity))
                    {
                        var at = joined.IndexOf(unspacedKey, StringComparison.Ordinal) + unspacedKey.Length;
                        var span = 1;
                        for (var length = tokens[i].Length; length < at && i + span < tokens.Count; span++) length += tokens[i + span].Length;
                        found.Add(new EntityMention(entity, i, span, false));
                    }
            }
            i++;
        }
        return found;
    }

    private string? FuzzyLookup(string key)
    {
        var tolerance = Levenshtein.Tolerance(key.Length);
        string? best = null;
        var bestDistance = tolerance + 1;
        for (var length = key.Length - tolerance; length <= key.Length + tolerance; length++)
        {
            if (!_fuzzyByLength.TryGetValue(length, out var candidates)) continue;
            foreach (var candidate in candidates)
            {
                if (Levenshtein.Tolerance(candidate.Length) == 0) continue;
                if (candidate[0] != key[0] && candidate[^1] != key[^1]) continue;
                var distance = Levenshtein.Distance(key, candidate, Math.Min(tolerance, Levenshtein.Tolerance(candidate.Length)));
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static bool IsLatinOrDigits(string text)
    {
        foreach (var c in text)
            if (c > 0x024F) return false;
        return true;
    }
}
