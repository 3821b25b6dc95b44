using System.Security.Cryptography;
using System.Text;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Retrieval;

/// <summary>
/// What a fact and a document sentence are embedded from, and the content hash their vector is stored under.
/// Identical texts share one hash and so one vector; changing how a fact is rendered changes its hash, which
/// makes the stored and committed vectors miss and the text be embedded again.
/// </summary>
public static class DenseText
{
    /// <summary>
    /// all-MiniLM-L6-v2 reads at most 256 word pieces. English runs about 1.3 pieces per word and 5-6 characters per
    /// word, so 800 characters stays under the window with room to spare; the statement comes first and is never cut.
    /// </summary>
    public const int MaxCharacters = 800;

    /// <summary>The statement, then its typed fields in the kind's order ("Stops: Kunming, Vientiane."), then what it is about.</summary>
    /// <remarks>Keywords are left out: they are lexical cues ("how long", "when"), not content, and would pull unrelated facts together.</remarks>
    public static string ForFact(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var text = new StringBuilder(fact.Statement.Trim());
        var kind = FactKind.Find(fact.Kind);
        var names = (kind?.Fields.Select(f => f.Name) ?? []).Where(fact.Fields.ContainsKey)
            .Concat(fact.Fields.Keys.Where(k => kind?.Field(k) is null).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var values = fact.Fields[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (values.Count == 0) continue;
            if (!Append(text, Label(name), values)) return text.ToString();
        }
        if (fact.About.Count > 0) Append(text, "About", fact.About);
        return text.ToString();
    }

    /// <summary>A document sentence is embedded as it reads, trimmed and cut to <see cref="MaxCharacters"/>.</summary>
    public static string ForSentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length <= MaxCharacters ? trimmed : trimmed[..MaxCharacters];
    }

    /// <summary>The texts of <paramref name="facts"/> and then <paramref name="sentences"/>, each as it is embedded.</summary>
    public static IEnumerable<string> ForKnowledge(IEnumerable<Fact> facts, IEnumerable<SentenceRecord> sentences) =>
        facts.Select(ForFact).Concat(sentences.Select(s => ForSentence(s.Text)));

    /// <summary>SHA-256 of <c>modelId + "\n" + text</c> (UTF-8), lowercase hex: the key of a vector in store and file.</summary>
    public static string Hash(string modelId, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));

    /// <summary>Appends "Label: a, b." unless that would pass <see cref="MaxCharacters"/>; false when it stopped.</summary>
    private static bool Append(StringBuilder text, string label, IReadOnlyList<string> values)
    {
        var part = $" {label}: {string.Join(", ", values)}.";
        if (text.Length + part.Length > MaxCharacters) return false;
        text.Append(part);
        return true;
    }

    /// <summary>"first_run" reads as "First run".</summary>
    private static string Label(string field) => char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' ');
}
