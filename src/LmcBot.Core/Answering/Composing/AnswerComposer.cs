using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Composing;

/// <summary>
/// Stage 7, compose: the decided answer written out. The asked fact first, with its citations (document,
/// exact quote, source grade and date) and every other version of a disputed claim; the lists a question
/// asks for (city pairs, investors, meetings, a figure's series) whole; up to three follow-ups. Typed
/// commands (<c>/route</c>, <c>/trade</c>, <c>/investors</c>, <c>/citypairs</c>) call these directly.
/// </summary>
internal static partial class AnswerComposer
{
    internal static Answer CityPairs(KnowledgeIndex index, IndexedEntity city, IndexedEntity? other, double confidence)
    {
        var pairs = index.CityPairsOf(city.Name)
            .Where(f => other is null || f.Entities.Contains(other.Id))
            .ToList();
        if (pairs.Count == 0)
            return Decline(index, $"My knowledge base has no partner cities for {city.Name}{(other is null ? "" : " and " + other.Name)}.", Intent.CityPairs);
        var groups = pairs.GroupBy(f => f.Fact.Get("city_a") == city.Name ? f.Fact.Get("city_b")! : f.Fact.Get("city_a")!)
            .OrderBy(g => g.Min(f => f.Fact.SortDate() ?? "9999"), StringComparer.Ordinal).ToList();
        var sentences = new List<string>();
        var citations = new List<Citation>();
        var fields = new List<AnswerField>();
        var stated = new List<string>();
        foreach (var group in groups)
        {
            var versions = ExpandClaims(index, group.ToList()).Where(v => v.Fact.Kind == FactKind.CityPair).ToList();
            var lead = versions[0];
            sentences.Add(versions.Count > 1 ? DisputeText(versions) : lead.Fact.Statement);
            citations.AddRange(versions.Select(v => v.Citation).OfType<Citation>());
            stated.AddRange(versions.Select(v => v.Fact.Id));
            fields.Add(new AnswerField(group.Key, string.Join("; ", versions.Select(v => v.Fact.Get("status") + (v.Fact.Get("date") is { } d ? $" ({d})" : "")).Distinct())));
        }
        var partners = groups.Select(g => g.Key).ToList();
        return new Answer
        {
            Answered = true,
            Intent = Intent.CityPairs,
            Confidence = confidence,
            Title = $"Partner cities of {city.Name}",
            Text = $"{city.Name} is paired with {AnswerFormatting.JoinAnd(partners)}. " + string.Join(" ", sentences),
            Fields = fields,
            Citations = citations.DistinctBy(c => (c.DocumentId, c.Quote)).ToList(),
            FactIds = [.. stated.Distinct()],
            FollowUps = partners.Where(p => index.CityPairsOf(p).Any(f => !f.Entities.Contains(city.Id)))
                .Take(AnswerDisplay.MaxFollowUps).Select(p => new FollowUp($"Partner cities of {p}", $"citypairs {p}")).ToList(),
        };
    }

    internal static Answer Investors(KnowledgeIndex index, IndexedEntity? country, string? sector, IndexedEntity? investor, double confidence)
    {
        var source = country is not null ? index.InvestmentsIn(country.Name)
            : investor is not null ? index.InvestmentsBy(investor.Name)
            : index.InvestmentFacts;
        var facts = source.Where(f => f.Fact.Kind == FactKind.Investment
                && (country is null || f.Fact.Get("country") == country.Name)
                && (investor is null || f.Fact.Get("investor") == investor.Name)
                && (sector is null || (f.Fact.Get("sector") ?? "").Contains(sector, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var where = country is null ? "" : $" in {country.Name}";
        if (facts.Count == 0)
            return Decline(index, $"My knowledge base has no investments{(investor is null ? "" : " by " + investor.Name)}{where}{(sector is null ? "" : $" in {sector}")}.", Intent.Investors);
        var byInvestor = facts.GroupBy(f => f.Fact.Get("investor")!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var sentences = new List<string>();
        var citations = new List<Citation>();
        var fields = new List<AnswerField>();
        var stated = new List<string>();
        foreach (var group in byInvestor)
        {
            // Lead with the most detailed fact (most fields), then its disputed versions if any. A list of
            // investors leads each with a settled fact; a question about one investor may be about the dispute.
            var ordered = group.OrderBy(f => investor is null && IsDisputed(index, f))
                .ThenByDescending(f => f.Fact.Fields.Count).ThenBy(f => f.GradeRank).ToList();
            var versions = ExpandClaims(index, [ordered[0]]);
            sentences.Add(versions.Count > 1 ? DisputeText(versions) : ordered[0].Fact.Statement);
            citations.AddRange(versions.Select(v => v.Citation).OfType<Citation>());
            citations.AddRange(ordered.Skip(1).Select(f => f.Citation).OfType<Citation>());
            stated.AddRange(versions.Concat(ordered.Skip(1)).Select(f => f.Fact.Id));
            fields.Add(new AnswerField(group.Key, string.Join("; ", new[] { ordered[0].Fact.Get("sector"), ordered[0].Fact.Get("place"), ordered[0].Fact.Get("capacity") }.OfType<string>())));
        }
        var names = byInvestor.Select(g => g.Key).ToList();
        var lead = investor is not null
            ? $"{investor.Name} invests in {AnswerFormatting.JoinAnd(facts.Select(f => f.Fact.Get("country")!).Distinct().ToList())}."
            : $"Chinese investors{where} in my knowledge base: {AnswerFormatting.JoinAnd(names)}.";
        return new Answer
        {
            Answered = true,
            Intent = Intent.Investors,
            Confidence = confidence,
            Title = investor is not null ? $"Investments by {investor.Name}" : $"Investors{where}",
            Text = lead + " " + string.Join(" ", sentences),
            Fields = fields,
            Citations = citations.DistinctBy(c => (c.DocumentId, c.Quote)).ToList(),
            FactIds = [.. stated.Distinct()],
            FollowUps = names.Take(AnswerDisplay.MaxFollowUps).Select(n => FollowUp.Ask($"Tell me about {n}")).ToList(),
        };
    }

    /// <summary>Every route fact about a route, its stops first.</summary>
    internal static Answer Route(KnowledgeIndex index, IndexedEntity route)
    {
        var facts = index.RoutesNamed(route.Name).Where(f => f.Fact.Kind == FactKind.Route && f.Fact.Get("name") == route.Name)
            .OrderByDescending(f => f.Fact.GetList("stops").Count).ThenBy(f => f.GradeRank).ToList();
        if (facts.Count == 0)
            return Decline(index, $"My knowledge base has no route called {route.Name}.", Intent.Route);
        var answer = Compose(index, facts.Take(3).ToList(), Intent.Route, 0.95, null);
        return answer with { Title = route.Name, Fields = AnswerFormatting.Fields(facts[0].Fact) };
    }

    internal static bool IsDisputed(KnowledgeIndex index, IndexedFact fact) =>
        fact.Fact.Claim is { } claim && index.Claims.TryGetValue(claim, out var versions) && versions.Count > 1;

    internal static Intent IntentOf(string kind, QuestionAnalysis q) => kind switch
    {
        FactKind.Organisation => q.AsksWhen ? Intent.Founding : Intent.Membership,
        FactKind.Route => Intent.Route,
        FactKind.Investment => Intent.Investors,
        FactKind.CityPair => Intent.CityPairs,
        FactKind.Figure => Intent.Figure,
        FactKind.Meeting => Intent.Meeting,
        _ => Intent.Fact,
    };

    internal static bool IsMoney(string? unit) =>
        unit is not null && Lexicon.CurrencyUnits.Any(currency => unit.Contains(currency, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// One point per date, best-graded first: a date two sources give once, and a version that only a
    /// secondary source gives never stands as the "latest" when a better-graded point exists.
    /// </summary>
    internal static List<IndexedFact> SeriesPoints(List<IndexedFact> series)
    {
        var dated = series.Where(s => s.Years.Count > 0).ToList();
        var established = dated.Where(s => s.GradeRank < SourceGrade.Rank(SourceGrade.Secondary)).ToList();
        if (established.Count > 0) dated = established;
        return dated.GroupBy(s => AnswerFormatting.DateOf(s.Fact))
            .Select(g => g.OrderBy(s => s.GradeRank).First())
            .OrderBy(s => s.Fact.SortDate() ?? "", StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Facts plus, for disputed claims, every version, best-graded first.</summary>
    internal static List<IndexedFact> ExpandClaims(KnowledgeIndex index, List<IndexedFact> facts)
    {
        var result = new List<IndexedFact>();
        foreach (var fact in facts)
        {
            if (fact.Fact.Claim is { } claim && index.Claims.TryGetValue(claim, out var versions) && versions.Count > 1)
            {
                // Best-graded first; among equally graded versions, the one the question matched leads.
                foreach (var version in versions.Select(v => index.Facts[v]).OrderBy(v => v.GradeRank).ThenBy(v => v == fact ? 0 : 1)
                             .ThenBy(v => v.Fact.SortDate() ?? "", StringComparer.Ordinal))
                    if (!result.Contains(version)) result.Add(version);
            }
            else if (!result.Contains(fact))
            {
                result.Add(fact);
            }
        }
        return result;
    }

    internal static string DisputeText(IReadOnlyList<IndexedFact> versions)
    {
        var lead = versions[0];
        var text = $"Sources differ. {lead.Fact.Statement} {AnswerFormatting.Provenance(lead.Citation)}";
        foreach (var other in versions.Skip(1))
        {
            var label = other.GradeRank >= SourceGrade.Rank(SourceGrade.Secondary) ? "An unconfirmed version" : "Another version";
            text += $" {label}: {other.Fact.Statement} {AnswerFormatting.Provenance(other.Citation)}";
        }
        return text;
    }

    internal static Answer Compose(KnowledgeIndex index, List<IndexedFact> facts, Intent intent, double confidence, QuestionAnalysis? q)
    {
        var parts = new List<string>();
        var citations = new List<Citation>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            var versions = ExpandClaims(index, [fact]);
            if (versions.All(v => shown.Contains(v.Fact.Id))) continue;
            foreach (var v in versions) shown.Add(v.Fact.Id);
            parts.Add(versions.Count > 1 ? DisputeText(versions) : fact.Fact.Statement);
            citations.AddRange(versions.Select(v => v.Citation).OfType<Citation>());
        }
        var lead = facts[0].Fact;
        return new Answer
        {
            Answered = true,
            Intent = intent,
            Confidence = confidence,
            Text = string.Join(" ", parts),
            Fields = facts.Count == 1 ? AnswerFormatting.Fields(lead) : [],
            Citations = citations.DistinctBy(c => (c.DocumentId, c.Quote)).ToList(),
            FactIds = [.. shown],
            FollowUps = FollowUpsFor(index, facts, q),
        };
    }

    internal static List<FollowUp> FollowUpsFor(KnowledgeIndex index, List<IndexedFact> facts, QuestionAnalysis? q)
    {
        var asked = q?.EntityIds.ToHashSet() ?? [];
        var result = new List<FollowUp>();
        var lead = facts[0].Fact;
        if (lead.Kind == FactKind.Figure && lead.Get("metric") is { } metric && index.Metrics[metric].Count > 1 && q?.WantsSeries != true)
            result.Add(FollowUp.Ask($"How has {index.MetricLabel(metric)} changed over time?"));
        if (lead.Kind == FactKind.Route && lead.Get("name") is { } route && q is not null)
            foreach (var stop in lead.GetList("stops").Where(s => index.EntityNamed(s) is { } e && !asked.Contains(e.Id)).Take(1))
                result.Add(FollowUp.Ask($"Tell me about {stop}"));
        foreach (var fact in facts)
            foreach (var entity in fact.Entities.Select(e => index.Entities[e]))
            {
                if (result.Count >= AnswerDisplay.MaxFollowUps) break;
                if (asked.Contains(entity.Id) || entity.Type == "country" || entity.Facts.Count < 2 || entity.Facts.Count > index.FactCount / 4) continue;
                var followUp = entity.Type is "city" && entity.InCityPair
                    ? new FollowUp($"Partner cities of {entity.Name}", $"citypairs {entity.Name}")
                    : FollowUp.Ask($"Tell me about {entity.Name}");
                if (!result.Contains(followUp)) result.Add(followUp);
            }
        return result.Take(AnswerDisplay.MaxFollowUps).ToList();
    }

    internal static Answer Decline(KnowledgeIndex index, string reason, Intent intent) => new()
    {
        Answered = false,
        Intent = intent,
        Confidence = 0,
        Text = $"{reason} I can answer questions about {AnswerFormatting.JoinAnd(Topics(index))}.",
        FollowUps = ExampleFollowUps(index),
    };

    /// <summary>What the knowledge base is about: its most-mentioned names, countries aside.</summary>
    internal static List<string> Topics(KnowledgeIndex index) => [.. index.CachedTopics(ComputeTopics)];

    internal static List<string> ComputeTopics(KnowledgeIndex index) =>
        index.Entities.Where(e => e.Type != "country" && e.Type != "person" && e.Facts.Count > 1)
            .OrderByDescending(e => e.Facts.Count).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(6).Select(e => e.Name).ToList();

    internal static List<FollowUp> ExampleFollowUps(KnowledgeIndex index) => [.. index.CachedExampleFollowUps(ComputeExampleFollowUps)];

    internal static List<FollowUp> ComputeExampleFollowUps(KnowledgeIndex index)
    {
        var result = new List<FollowUp>();
        // The best-known route, not the first in alphabetical order.
        if (index.Values(Knowledge.CompletionSource.Routes).OrderByDescending(r => index.EntityNamed(r)?.Facts.Count ?? 0).FirstOrDefault() is { } route)
            result.Add(new FollowUp($"Route of {route}", $"route {route}"));
        if (index.Metrics.OrderByDescending(m => m.Value.Count).FirstOrDefault() is { Key: not null } metric)
        {
            var label = AnswerFormatting.MetricLabel(metric.Key, metric.Value.Select(i => index.Facts[i].Fact));
            result.Add(FollowUp.Ask($"How has {label} changed over time?"));
        }
        if (index.Facts.FirstOrDefault(f => f.Fact.Kind == FactKind.Investment)?.Fact.Get("country") is { } country) result.Add(new FollowUp($"Investors in {country}", $"investors {country}"));
        return result.Take(AnswerDisplay.MaxFollowUps).ToList();
    }
}
