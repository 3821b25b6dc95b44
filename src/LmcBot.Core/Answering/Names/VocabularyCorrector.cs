using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Names;

/// <summary>
/// Corrects small typos against the knowledge base's own vocabulary with a symmetric-delete index:
/// two words that share a one-character deletion are at most two edits apart, and the exact bounded
/// Damerau distance then decides.
/// </summary>
internal sealed class VocabularyCorrector
{
    private readonly Dictionary<string, int> _frequency;
    private readonly Func<string, bool> _isTarget;
    private Dictionary<string, List<string>>? _deletes;

    /// <param name="frequency">Every known word with how often the knowledge base uses it.</param>
    /// <param name="isTarget">Which known words a typo may be corrected to (not stop words: "mayor" must not become "major").</param>
    public VocabularyCorrector(Dictionary<string, int> frequency, Func<string, bool> isTarget)
    {
        _frequency = frequency;
        _isTarget = isTarget;
    }

    /// <summary>The deletion index, built on the first correction (many processes and indexes never need one).</summary>
    private Dictionary<string, List<string>> Deletes => LazyInitializer.EnsureInitialized(ref _deletes, BuildDeletes);

    private Dictionary<string, List<string>> BuildDeletes()
    {
        var deletes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in _frequency.Keys)
        {
            if (word.Length < 5 || !IsLatin(word) || !_isTarget(word)) continue;
            Add(deletes, word, word);
            for (var i = 0; i < word.Length; i++)
                Add(deletes, word.Remove(i, 1), word);
        }
        return deletes;
    }

    public bool Contains(string word) => _frequency.ContainsKey(word);

    /// <summary>The closest known word within the typo tolerance for its length, or null.</summary>
    public string? Correct(string word)
    {
        if (word.Length < 5 || !IsLatin(word)) return null;
        var tolerance = Levenshtein.Tolerance(word.Length);
        var deletes = Deletes;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        void Consider(string key)
        {
            if (!deletes.TryGetValue(key, out var candidates)) return;
            foreach (var candidate in candidates)
            {
                var distance = Levenshtein.Distance(word, candidate, tolerance);
                if (distance > tolerance) continue;
                var frequency = _frequency[candidate];
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
                {
                    best = candidate;
                    bestDistance = distance;
                    bestFrequency = frequency;
                }
            }
        }
        Consider(word);
        for (var i = 0; i < word.Length; i++)
            Consider(word.Remove(i, 1));
        return best;
    }

    private static void Add(Dictionary<string, List<string>> deletes, string key, string word)
    {
        if (!deletes.TryGetValue(key, out var list))
            deletes[key] = list = [];
        if (!list.Contains(word)) list.Add(word);
    }

    private static bool IsLatin(string word)
    {
        foreach (var c in word)
            if (c > 0x024F) return false;
        return true;
    }
}
