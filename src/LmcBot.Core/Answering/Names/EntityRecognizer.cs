using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Names;

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
            _longestLatin = Math.Max(_longestLatin, compact.Length);
            _fuzzyIndex = null; // rebuilt by Seal
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

    /// <summary>Per name length, the positions in <see cref="_fuzzyByLength"/> of names by first and by last letter.</summary>
    private Dictionary<int, (Dictionary<char, List<int>> ByFirst, Dictionary<char, List<int>> ByLast)>? _fuzzyIndex;
    private int _longestLatin;

    public void Seal()
    {
        _unspaced.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        var index = new Dictionary<int, (Dictionary<char, List<int>>, Dictionary<char, List<int>>)>();
        foreach (var (length, names) in _fuzzyByLength)
        {
            var byFirst = new Dictionary<char, List<int>>();
            var byLast = new Dictionary<char, List<int>>();
            for (var i = 0; i < names.Count; i++)
            {
                Add(byFirst, names[i][0], i);
                Add(byLast, names[i][^1], i);
            }
            index[length] = (byFirst, byLast);
        }
        _fuzzyIndex = index;

        static void Add(Dictionary<char, List<int>> lookup, char key, int position)
        {
            if (!lookup.TryGetValue(key, out var list)) lookup[key] = list = [];
            list.Add(position);
        }
    }

    public bool IsNameToken(string compact) => _latin.ContainsKey(compact);

    /// <summary>
    /// Entity mentions in <paramref name="tokens"/>, longest names first. With <paramref name="isKnownWord"/>,
    /// a run that holds a word the knowledge base does not know may match a name with a small typo.
    /// </summary>
    public List<EntityMention> Recognize(IReadOnlyList<string> tokens, Func<string, bool>? isKnownWord = null)
    {
        var found = new List<EntityMention>();
        var latin = _latin.GetAlternateLookup<ReadOnlySpan<char>>();
        // Runs of tokens are looked up without building a string for each: the tokens from i on are
        // written once into a buffer, and a run of n tokens is a prefix of it.
        var buffer = new char[64];
        Span<int> ends = stackalloc int[MaxTokensPerName + 1];
        // What the fuzzy match asks of a token never changes: work it out once per token
        // (bit 1 worked out, 2 unknown word, 4 name-like: unknown or a word of a name, 8 Latin, 16 has a digit).
        var flags = isKnownWord is null ? null : new byte[tokens.Count];
        byte Flags(int t)
        {
            if (flags![t] == 0)
            {
                var token = tokens[t];
                var unknown = !isKnownWord!(token);
                flags[t] = (byte)(1 | (unknown ? 2 : 0) | (unknown || _nameTokens.Contains(token) ? 4 : 0)
                    | (IsLatinOrDigits(token) ? 8 : 0) | (HasDigit(token) ? 16 : 0));
            }
            return flags[t];
        }
        var i = 0;
        while (i < tokens.Count)
        {
            var exactLength = 0;
            var exactEntity = -1;
            var max = Math.Min(MaxTokensPerName, tokens.Count - i);
            ends[0] = 0;
            for (var n = 1; n <= max; n++)
            {
                var part = tokens[i + n - 1];
                if (ends[n - 1] + part.Length > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, ends[n - 1] + part.Length));
                part.CopyTo(buffer.AsSpan(ends[n - 1]));
                ends[n] = ends[n - 1] + part.Length;
            }
            for (var n = max; n >= 1; n--)
            {
                if (ends[n] > _longestLatin) continue; // no name is that long
                if (latin.TryGetValue(buffer.AsSpan(0, ends[n]), out var entity))
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
                    var key = buffer.AsSpan(0, ends[n]);
                    if (key.Length < 5) continue;
                    // The run is Latin when every token is, and holds a digit when a token does.
                    var allLatin = true;
                    var anyDigit = false;
                    // Only runs of name words and unknown words: "china loas railway", not "does hanoi".
                    var hasUnknown = false;
                    var allNameLike = true;
                    for (var t = i; t < i + n; t++)
                    {
                        var f = Flags(t);
                        allLatin &= (f & 8) != 0;
                        anyDigit |= (f & 16) != 0;
                        hasUnknown |= (f & 2) != 0;
                        allNameLike &= (f & 4) != 0;
                    }
                    if (!allLatin || anyDigit) continue;
                    if (!hasUnknown || !allNameLike) continue;
                    if (FuzzyLookup(n == 1 ? tokens[i] : key.ToString()) is { } best)
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
            if (_fuzzyIndex is not null && _fuzzyIndex.TryGetValue(length, out var byLetter))
            {
                // Only names that share the first or the last letter are compared, in their list order:
                // merge the two position lists.
                var first = byLetter.ByFirst.GetValueOrDefault(key[0]) ?? [];
                var last = byLetter.ByLast.GetValueOrDefault(key[^1]) ?? [];
                int a = 0, b = 0;
                while (a < first.Count || b < last.Count)
                {
                    int position;
                    if (b >= last.Count || (a < first.Count && first[a] < last[b])) position = first[a++];
                    else if (a >= first.Count || last[b] < first[a]) position = last[b++];
                    else
                    {
                        position = first[a++];
                        b++;
                    }
                    Consider(candidates[position]);
                }
                continue;
            }
            foreach (var candidate in candidates)
                if (candidate[0] == key[0] || candidate[^1] == key[^1]) Consider(candidate);
        }
        return best;

        void Consider(string candidate)
        {
            var limit = Math.Min(tolerance, Levenshtein.Tolerance(candidate.Length));
            if (limit == 0) return;
            // Distance answers limit + 1 for anything farther, which must not count as a match.
            var distance = Levenshtein.Distance(key, candidate, limit);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
    }

    private static bool IsLatinOrDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c > 0x024F) return false;
        return true;
    }

    private static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsDigit(c)) return true;
        return false;
    }
}
