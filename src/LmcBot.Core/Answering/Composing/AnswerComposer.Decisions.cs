using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Composing;

internal static partial class AnswerComposer
{
    /// <summary>Facts an overview gives: a few, briefly (the issue asks for "briefly"; set by hand).</summary>
    private const int OverviewFacts = 3;

    /// <summary>Items a list question gets beyond the best one, when they score above the threshold too (set by hand).</summary>
    private const int ListRunnersUp = 4;

    /// <summary>Writes out what the decide stage chose.</summary>
    internal static Answer Answer(QuestionAnalysis q, KnowledgeIndex index, Decision decision)
    {
        if (!decision.Answer)
            return decision.Reply ?? Decline(index, decision.Reason ?? "My knowledge base does not cover that.", Intent.Decline);
        var best = decision.Best!;
        var confidence = Math.Round(best.Probability, 3);
        if (best.Sentence is { } sentence) return SentenceAnswer(q, index, sentence, confidence);
        var fact = best.Fact!;
        var kind = fact.Fact.Kind;

        if (q.Asked == Asked.Overview && q.Years.Count == 0 && q.Mentions.Count > 0)
            return EntityOverview(index, index.Entities[q.Mentions[0].EntityId], confidence);
        if (q.Asked == Asked.Overview && q.Years.Count > 0 && q.EntityIds.All(e => index.Entities[e].Facts.Count >= index.UbiquitousFactCount))
            return YearOverview(index, q.Years[0], confidence);
        if (kind == FactKind.Meeting && q.Asked is Asked.List or Asked.HowMany && MeetingList(q, index) is { } meetings)
            return meetings with { Confidence = confidence };
        if (kind == FactKind.CityPair && Lexicon.Overlap(q.AllTerms, Lexicon.CityPairCues) && q.Ordinals.Count == 0)
        {
            var cities = q.EntityIds.Select(e => index.Entities[e]).Where(e => index.CityPairsOf(e.Name).Any(f => f.Entities.Contains(e.Id))).ToList();
            if (cities.Count > 0 && q.Asked is not (Asked.When or Asked.HowMany))
                return CityPairs(index, cities[0], cities.Skip(1).FirstOrDefault(), confidence);
        }
        if (kind == FactKind.Investment && q.Asked is Asked.List or Asked.What && q.WantedTypes.Contains("company"))
        {
            var country = q.EntityIds.Select(e => index.Entities[e]).FirstOrDefault(e => index.InvestmentsIn(e.Name).Count > 0);
            return Investors(index, country, null, null, confidence);
        }
        if (kind == FactKind.Figure && fact.Fact.Get("metric") is { } metric && index.Metrics.ContainsKey(metric))
        {
            // The ranker chose the point (it reads years, quoted numbers and recency): a point other than the
            // series' latest is what was asked ("in the first month"), unless the question asks for the latest.
            var singledOut = !q.WantsLatest && fact != index.CachedSeriesPoints(metric, SeriesPoints).LastOrDefault();
            return Figure(q, index, fact, singledOut, confidence);
        }

        var answerSet = new List<IndexedFact> { fact };
        if (q.Asked == Asked.List || q.WantedTypes.Count > 0 && q.Tokens.Any(t => t.EndsWith('s') && Lexicon.AnswerTypes.ContainsKey(Lexicon.Term(t))))
            foreach (var other in decision.Ranked.Skip(1))
            {
                if (answerSet.Count > ListRunnersUp) break;
                if (other.Fact is { } o && o.Fact.Kind == kind && other.Probability >= decision.Threshold && (fact.Fact.Claim is null || o.Fact.Claim != fact.Fact.Claim))
                    answerSet.Add(o);
            }
        return Compose(index, answerSet, IntentOf(kind, q), confidence, q);
    }

    /// <summary>"Tell me about Luang Prabang": what introduces it, then the facts about it, settled before disputed, newest first.</summary>
    internal static Answer EntityOverview(KnowledgeIndex index, IndexedEntity entity, double confidence)
    {
        var facts = entity.Facts.Select(i => index.Facts[i])
            .OrderByDescending(f => f.Introduces && FeatureExtractor.IsAbout(f, entity))
            .ThenByDescending(f => FeatureExtractor.IsAbout(f, entity))
            .ThenBy(f => IsDisputed(index, f))
            .ThenByDescending(f => f.Fact.SortDate() ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.GradeRank)
            .DistinctBy(f => f.Fact.Claim ?? f.Fact.Id)
            .Take(OverviewFacts).ToList();
        if (facts.Count == 0) return Decline(index, $"My knowledge base has nothing about {entity.Name}.", Intent.Overview);
        return Compose(index, facts, Intent.Overview, confidence, null) with { Title = entity.Name };
    }

    /// <summary>"What happened in 2024": the facts dated in that year, newest first.</summary>
    internal static Answer YearOverview(KnowledgeIndex index, int year, double confidence)
    {
        var facts = index.FactsInYear(year).Select(i => index.Facts[i])
            .Where(f => f.GradeRank < SourceGrade.Rank(SourceGrade.Secondary))
            .OrderByDescending(f => f.Fact.SortDate() ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.GradeRank)
            .DistinctBy(f => f.Fact.Claim ?? f.Fact.Id)
            .Take(OverviewFacts + 1).ToList();
        if (facts.Count == 0) return Decline(index, $"My knowledge base has nothing dated {year}.", Intent.Overview);
        var answer = Compose(index, facts, Intent.Overview, confidence, null);
        return answer with { Title = $"{year} in my knowledge base" };
    }

    internal static Answer SentenceAnswer(QuestionAnalysis q, KnowledgeIndex index, IndexedSentence sentence, double confidence)
    {
        var document = index.Documents[sentence.DocumentId];
        return new Answer
        {
            Answered = true,
            Intent = Intent.Document,
            Confidence = confidence,
            Text = $"From \"{document.Title}\": {sentence.Text}",
            Citations = [sentence.Citation],
            FollowUps = sentence.Entities.Where(e => !q.EntityIds.Contains(e) && index.Entities[e].Facts.Count > 0).Take(AnswerDisplay.MaxFollowUps)
                .Select(e => FollowUp.Ask($"Tell me about {index.Entities[e].Name}")).ToList(),
        };
    }

    /// <summary>A polite reply to a greeting or thanks, with what the bot can answer.</summary>
    internal static Answer SmallTalk(QuestionAnalysis q, KnowledgeIndex index) => new()
    {
        Answered = false,
        Intent = Intent.Smalltalk,
        Confidence = 1,
        Text = (q.AllTerms.Contains("thank") || q.AllTerms.Contains("thanks") || q.AllTerms.Contains("cheers") ? "You're welcome! " : "Hello! ")
            + "Ask me about Lancang-Mekong Cooperation: its members and meetings, the China-Laos Railway and the StarExpress, trade figures, Chinese investment and city pairs.",
        FollowUps = ExampleFollowUps(index),
    };

    /// <summary>The question names something the knowledge base does not know.</summary>
    internal static Answer UnknownName(KnowledgeIndex index, IReadOnlyList<string> names) =>
        Decline(index, $"My knowledge base has nothing about {AnswerFormatting.JoinAnd(names.Distinct().ToList())}.", Intent.UnknownName);

    internal static string Folded(string text) => TextFolding.Fold(text);
}
