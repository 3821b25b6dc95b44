using System.Text;
using LmcBot.Core.Embedding;

namespace LmcBot.Core.Knowledge;

/// <summary>What a fact and a document sentence are embedded from (<see cref="DenseText"/> cuts a sentence and hashes both).</summary>
public static class KnowledgeText
{
    /// <summary>
    /// The statement, then its typed fields in the kind's order ("Stops: Kunming, Vientiane."), then what it is about,
    /// within <see cref="DenseText.MaxCharacters"/>; the statement comes first and is never cut.
    /// </summary>
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

    /// <summary>The texts of <paramref name="facts"/> and then <paramref name="sentences"/>, each as it is embedded.</summary>
    public static IEnumerable<string> ForKnowledge(IEnumerable<Fact> facts, IEnumerable<SentenceRecord> sentences) =>
        facts.Select(ForFact).Concat(sentences.Select(s => DenseText.ForSentence(s.Text)));

    /// <summary>Appends "Label: a, b." unless that would pass <see cref="DenseText.MaxCharacters"/>; false when it stopped.</summary>
    private static bool Append(StringBuilder text, string label, IReadOnlyList<string> values)
    {
        var part = $" {label}: {string.Join(", ", values)}.";
        if (text.Length + part.Length > DenseText.MaxCharacters) return false;
        text.Append(part);
        return true;
    }

    /// <summary>"first_run" reads as "First run".</summary>
    private static string Label(string field) => char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' ');
}
