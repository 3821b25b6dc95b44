using System.Globalization;
using System.Text;

namespace LmcBot.Core.Answering;

/// <summary>What each stage of one answer found, for <c>ask --explain</c>.</summary>
internal sealed class AnswerTrace
{
    public QuestionAnalysis? Question { get; set; }
    public Decision? Decision { get; set; }
    public string? DecidedEarly { get; set; }
    public double? LexicalBest { get; set; }
    public double CascadeThreshold { get; set; }

    public string Render(KnowledgeIndex index, int candidates = 6)
    {
        var sb = new StringBuilder();
        var q = Question;
        if (q is null) return "normalise: no words in the question";
        sb.AppendLine(CultureInfo.InvariantCulture, $"normalise: {q.Raw}");
        sb.AppendLine($"names: {(q.Mentions.Count == 0 ? "none" : string.Join(", ", q.Mentions.Select(m => index.Entities[m.EntityId].Name + (m.Fuzzy ? " (typo)" : ""))))}"
            + (q.UnknownNames.Count > 0 ? $"; unknown names: {string.Join(", ", q.UnknownNames)}" : "")
            + (q.Names.Translated ? "; translated" : "") + $"; canonical: \"{q.CanonicalText}\"");
        sb.AppendLine($"read: asks {q.Asked.ToString().ToLowerInvariant()}; subject words: {string.Join(' ', q.ContentTerms)}"
            + (q.UnknownTerms.Count > 0 ? $"; unknown words: {string.Join(' ', q.UnknownTerms)}" : "")
            + (q.Years.Count > 0 ? $"; years: {string.Join(',', q.Years)}" : "")
            + (q.AskedAttribute is { } a ? $"; attribute: {a}" : "")
            + (q.WantsLatest ? "; latest" : "") + (q.WantsSeries ? "; series" : "") + (q.AsksAboutFuture ? "; future" : ""));
        if (DecidedEarly is { } early)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"decide: {early} (before retrieval; the sentence model did not run)");
            return sb.ToString().TrimEnd();
        }
        var d = Decision!;
        sb.AppendLine(CultureInfo.InvariantCulture, $"retrieve: {d.Ranked.Count} candidates; lexical model best {LexicalBest?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"} (cascade answers alone at {CascadeThreshold.ToString("0.000", CultureInfo.InvariantCulture)}); sentence model {(d.DenseRan ? "ran" : "did not run")}");
        foreach (var c in d.Ranked.Take(candidates))
        {
            var features = string.Join(' ', FeatureSet.Names.Select((n, i) => (n, v: c.Features[i])).Where(p => p.v != 0).Select(p => $"{p.n}={p.v.ToString("0.##", CultureInfo.InvariantCulture)}"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {c.Probability.ToString("0.000", CultureInfo.InvariantCulture)} {c} | {features}");
        }
        sb.Append(CultureInfo.InvariantCulture, $"decide: {(d.Answer ? "answer" : "decline")} by {d.DecidedBy}, threshold {d.Threshold.ToString("0.000", CultureInfo.InvariantCulture)}");
        return sb.ToString();
    }
}
