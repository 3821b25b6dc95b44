using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Chat;

namespace LmcBot.Core.Answering.Composing;

internal static partial class AnswerComposer
{
    /// <summary>
    /// A figure from a dated series: the points of the years asked for; the series in date order for
    /// "how has it changed"; otherwise the figure chosen, or the latest one (with its date and the other
    /// dates held) when the question does not single out a point.
    /// </summary>
    internal static Answer Figure(QuestionAnalysis q, KnowledgeIndex index, IndexedFact best, bool singledOut, double confidence)
    {
        var metric = best.Fact.Get("metric")!;
        var series = index.Metrics[metric].Select(i => index.Facts[i]).ToList();
        var label = index.MetricLabel(metric);
        List<IndexedFact> dated = [.. index.CachedSeriesPoints(metric, SeriesPoints)];
        if (q.Years.Count > 0)
        {
            var matching = series.Where(s => s.Years.Overlaps(q.Years)).OrderBy(s => s.GradeRank).ToList();
            if (matching.Count > 0) return Compose(index, matching.Contains(best) ? [best, .. matching.Where(m => m != best)] : matching, Intent.Figure, confidence, q);
        }
        if (q.WantsSeries && dated.Count > 1)
        {
            var lines = dated.Select(s => $"{AnswerFormatting.DateOf(s.Fact)}: {AnswerFormatting.Figure(s.Fact)}{(s.Fact.Get("change") is { } c ? $" ({c}{(s.Fact.Get("change_basis") is { } b ? " vs " + b : "")})" : "")}").ToList();
            var title = char.ToUpperInvariant(label[0]) + label[1..];
            return new Answer
            {
                Answered = true,
                Intent = Intent.FigureSeries,
                Confidence = confidence,
                Title = title + " over time",
                Text = $"{title}, in date order: " + string.Join("; ", lines) + ".",
                Fields = dated.Select(s => new AnswerField(AnswerFormatting.DateOf(s.Fact), AnswerFormatting.Figure(s.Fact))).ToList(),
                Citations = dated.Select(s => s.Citation).OfType<Citation>().DistinctBy(c => (c.DocumentId, c.Quote)).ToList(),
                FactIds = dated.Select(s => s.Fact.Id).ToList(),
                FollowUps = [FollowUp.Ask($"What is the latest {label} figure?")],
            };
        }
        if (singledOut || dated.Count <= 1 || (!q.WantsLatest && !dated.Contains(best)))
            return Compose(index, [best], Intent.Figure, confidence, q);
        var latest = dated[^1];
        var answer = Compose(index, [latest], Intent.Figure, confidence, q);
        return answer with
        {
            Text = answer.Text + $" That is the latest figure I have ({AnswerFormatting.DateOf(latest.Fact)}); I also have {AnswerFormatting.JoinAnd(dated.Take(dated.Count - 1).Select(s => AnswerFormatting.DateOf(s.Fact)).Distinct().ToList())}.",
            FollowUps = new[] { FollowUp.Ask($"How has {label} changed over time?") }.Concat(answer.FollowUps).Distinct().Take(AnswerDisplay.MaxFollowUps).ToList(),
        };
    }

    /// <summary>"What was trade in 2023?" when the series has no such year: say so, and offer the nearest years held.</summary>
    internal static Answer MissingYear(KnowledgeIndex index, IndexedFact figure, int year)
    {
        var metric = figure.Fact.Get("metric")!;
        var label = index.MetricLabel(metric);
        List<IndexedFact> dated = [.. index.CachedSeriesPoints(metric, SeriesPoints)];
        var nearest = dated.OrderBy(s => Math.Abs(s.Years.First() - year)).Take(2).OrderBy(s => s.Years.First()).ToList();
        return new Answer
        {
            Answered = false,
            Intent = Intent.Figure,
            Confidence = 0,
            Text = $"My knowledge base has no {label} figure for {year}." + (dated.Count == 0 ? "" : $" It has figures for {AnswerFormatting.JoinAnd(dated.Select(s => AnswerFormatting.DateOf(s.Fact)).Distinct().ToList())}."),
            FollowUps = nearest.Select(s => FollowUp.Ask($"What was {label} in {AnswerFormatting.DateOf(s.Fact)}?")).ToList(),
        };
    }

    /// <summary>A metric's figure for one year, or its whole series in date order (<c>/trade</c>).</summary>
    internal static Answer Metric(KnowledgeIndex index, string metric, int? year)
    {
        var series = index.Metrics[metric].Select(i => index.Facts[i]).ToList();
        var label = index.MetricLabel(metric);
        var question = year is null ? $"How has {label} changed over time?" : $"What was {label} in {year}?";
        var q = QuestionAnalysis.Analyze(question, index);
        if (year is { } y && !series.Exists(s => s.Years.Contains(y))) return MissingYear(index, series[^1], y);
        return Figure(q, index, series[^1], singledOut: false, 0.9);
    }

    internal static bool ContainsAll(HashSet<string> set, List<string> items)
    {
        foreach (var item in items)
            if (!set.Contains(item)) return false;
        return true;
    }
}
