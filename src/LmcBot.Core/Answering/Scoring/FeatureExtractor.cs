using System.Globalization;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Scoring;

/// <summary>
/// Stage 5a, features: what the scorer knows about a candidate against a question, each value scaled
/// into [0, 1] (<see cref="FeatureSet"/>). Nothing here weighs one feature against another; the fit does.
/// </summary>
internal sealed class FeatureExtractor
{
    private static readonly int Lexical = FeatureSet.IndexOf("lexical"), Coverage = FeatureSet.IndexOf("coverage"),
        UnknownWords = FeatureSet.IndexOf("unknown-words"), UnknownEnglish = FeatureSet.IndexOf("unknown-english"), UnknownBeforeSubject = FeatureSet.IndexOf("unknown-before-subject"),
        EntitiesMatched = FeatureSet.IndexOf("entities-matched"), EntityMissing = FeatureSet.IndexOf("entity-missing"),
        EntityAbout = FeatureSet.IndexOf("entity-about"), NoEntities = FeatureSet.IndexOf("no-entities"), FuzzyEntity = FeatureSet.IndexOf("fuzzy-entity"),
        Dense = FeatureSet.IndexOf("dense"), DenseGap = FeatureSet.IndexOf("dense-gap"), DenseTop = FeatureSet.IndexOf("dense-top"),
        YearMatch = FeatureSet.IndexOf("year-match"), YearConflict = FeatureSet.IndexOf("year-conflict"), YearUndated = FeatureSet.IndexOf("year-undated"),
        NumberMatch = FeatureSet.IndexOf("number-match"), AttributePresent = FeatureSet.IndexOf("attribute-present"), AttributeAbsent = FeatureSet.IndexOf("attribute-absent"),
        TypeMatch = FeatureSet.IndexOf("type-match"), TypeMismatch = FeatureSet.IndexOf("type-mismatch"), WantedEntity = FeatureSet.IndexOf("wanted-entity"),
        KindAffinity = FeatureSet.IndexOf("kind-affinity"), Grade = FeatureSet.IndexOf("grade"), Sentence = FeatureSet.IndexOf("sentence"),
        CategoryConflict = FeatureSet.IndexOf("category-conflict"), AliasMatch = FeatureSet.IndexOf("alias-match"), Phrases = FeatureSet.IndexOf("phrases"),
        LexicalRank = FeatureSet.IndexOf("lexical-rank"), NoContent = FeatureSet.IndexOf("no-content"), Introduces = FeatureSet.IndexOf("introduces"),
        Translated = FeatureSet.IndexOf("translated"), ContentWords = FeatureSet.IndexOf("content-words"), Reason = FeatureSet.IndexOf("reason"),
        Future = FeatureSet.IndexOf("future"), Recency = FeatureSet.IndexOf("recency"), Newest = FeatureSet.IndexOf("newest");

    /// <summary>Grade ranks run 0 (official) to 6 (unknown); <see cref="SourceGrade.Rank"/>.</summary>
    private const float WorstGradeRank = 6;

    /// <summary>Counts are capped where more adds nothing (unknown words: three already mean an unknown subject; subject words: six is a long question).</summary>
    private const float UnknownWordsCap = 3, ContentWordsCap = 6;

    private static int LatestYear(Candidate candidate) =>
        candidate.Fact is { } fact ? (fact.Years.Count == 0 ? 0 : fact.Years.Max()) : candidate.Sentence!.LatestYear;

    private static readonly string[] FutureWords = ["will", "due", "plan", "planned", "plans", "scheduled", "expected", "upcoming", "next", "expects"];

    private readonly QuestionAnalysis _q;
    private readonly KnowledgeIndex _index;
    private readonly HashSet<int> _required;
    private readonly double _maxLexical;
    private readonly string[] _ordinalNumbers;
    private readonly string[] _ordinalWords;
    private readonly string[] _aliasWords;
    private readonly string[] _yearTexts;
    private readonly int _known;

    public FeatureExtractor(QuestionAnalysis q, KnowledgeIndex index)
    {
        _q = q;
        _index = index;
        _required = RequiredEntities(q, index);
        _maxLexical = q.ContentTerms.Sum(t => index.FactIdf.GetValueOrDefault(t, 1f) * (AnswerEngine.K1 + 1));
        _ordinalNumbers = [.. q.Ordinals.Select(o => o.ToString(CultureInfo.InvariantCulture))];
        _ordinalWords = [.. q.Ordinals.Select(o => " " + Lexicon.OrdinalWords[o] + " ")];
        _aliasWords = [.. q.AliasTexts.Select(alias => " " + alias + " ")];
        _yearTexts = [.. q.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))];
        _known = q.ContentTerms.Count - q.UnknownTerms.Count;
        _constraints = [.. q.ContentTerms.Where(index.AllCategoryTerms.Contains)];
    }

    private readonly List<string> _constraints;

    /// <summary>Fills every candidate's <see cref="Candidate.Features"/>.</summary>
    public void Extract(List<Candidate> candidates)
    {
        var bestDense = candidates.Count == 0 ? 0 : candidates.Max(c => c.Dense ?? 0);
        var topDense = candidates.Where(c => c.Dense is not null).OrderByDescending(c => c.Dense).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
        foreach (var candidate in candidates)
        {
            var x = new float[FeatureSet.Count];
            if (candidate.Fact is { } fact) FactFeatures(fact, x);
            else SentenceFeatures(candidate.Sentence!, x);
            QuestionFeatures(x);
            x[Grade] = candidate.GradeRank / WorstGradeRank;
            x[LexicalRank] = candidate.LexicalRank < 0 ? 0 : 1f / (1 + candidate.LexicalRank);
            if (candidate.Dense is { } dense)
            {
                x[Dense] = (float)Math.Clamp(dense, 0, 1);
                x[DenseGap] = (float)Math.Clamp(bestDense - dense, 0, 1);
                x[DenseTop] = candidate == topDense ? 1 : 0;
            }
            candidate.Features = x;
        }
        Recencies(candidates);
    }

    /// <summary>
    /// Recency is read among the candidates that answer in full (every known subject word, no required entity
    /// missing), so "the latest trade figure" compares trade figures, not every dated fact retrieved.
    /// </summary>
    private void Recencies(List<Candidate> candidates)
    {
        int oldest = int.MaxValue, newest = 0;
        var complete = candidates.Any(Complete);
        foreach (var candidate in candidates)
            if ((!complete || Complete(candidate)) && LatestYear(candidate) is > 0 and var year)
            {
                oldest = Math.Min(oldest, year);
                newest = Math.Max(newest, year);
            }
        foreach (var candidate in candidates)
        {
            var x = candidate.Features;
            x[Recency] = 0;
            x[Newest] = 0;
            if ((complete && !Complete(candidate)) || LatestYear(candidate) is not (> 0 and var latest)) continue;
            x[Recency] = newest == oldest ? 1 : (float)(latest - oldest) / (newest - oldest);
            x[Newest] = _q.WantsLatest && latest == newest ? 1 : 0;
        }

        static bool Complete(Candidate c) => c.Features[Coverage] >= 1 && c.Features[EntityMissing] == 0;
    }

    private void QuestionFeatures(float[] x)
    {
        var q = _q;
        x[UnknownWords] = Math.Min(q.UnknownTerms.Count - q.UnknownEnglish.Count, UnknownWordsCap) / UnknownWordsCap;
        x[UnknownEnglish] = Math.Min(q.UnknownEnglish.Count, UnknownWordsCap) / UnknownWordsCap;
        x[UnknownBeforeSubject] = q.UnknownModifiesSubject ? 1 : 0;
        x[NoEntities] = q.Mentions.Count == 0 ? 1 : 0;
        x[FuzzyEntity] = q.Mentions.Any(m => m.Fuzzy) ? 1 : 0;
        x[NoContent] = q.ContentTerms.Count == 0 ? 1 : 0;
        x[Translated] = q.Names.Translated ? 1 : 0;
        x[ContentWords] = Math.Min(q.ContentTerms.Count, ContentWordsCap) / ContentWordsCap;
    }

    private void FactFeatures(IndexedFact fact, float[] x)
    {
        var q = _q;
        var index = _index;
        int matched = 0;
        var missing = false;
        var about = false;
        foreach (var entity in q.EntityIds)
        {
            if (fact.Entities.Contains(entity))
            {
                matched++;
                about |= IsAbout(fact, index.Entities[entity]);
            }
            else if (_required.Contains(entity))
            {
                missing = true;
            }
        }
        var covered = 0;
        var lightMissing = 0;
        var lexical = 0.0;
        var categoryConflict = false;
        var categories = fact.KindCategories;
        var wanted = NamesEntityOfWantedType(fact.Entities, q, index);
        for (var i = 0; i < q.ContentTerms.Count; i++)
        {
            var term = q.ContentTerms[i];
            if (Lexicon.AnswerTypes.TryGetValue(term, out var type) && q.WantedTypes.Contains(type) && wanted)
            {
                covered++;
                continue;
            }
            if (categories is not null && categories.Contains(term) && !fact.CategoryTerms.Contains(term) && fact.CategoryTerms.Count > 0)
                categoryConflict = true;
            if (!fact.Terms.TryGetValue(term, out var tf))
            {
                if (q.Mentions.Count > 0 && Lexicon.LightVerbs.Contains(term)) lightMissing++;
                continue;
            }
            covered++;
            lexical += AnswerEngine.TermWeight(index.FactIdf.GetValueOrDefault(term, 1f), tf, fact.Length, index.AverageFactLength);
        }
        if (q.Ordinals.Count > 0)
        {
            var carries = fact.Fact.Get("number") is { } number
                ? Array.IndexOf(_ordinalNumbers, number) >= 0
                : _ordinalWords.Any(word => fact.FoldedStatement.Contains(word, StringComparison.Ordinal));
            if (!carries) missing = true;
        }
        var needed = _known - (matched > 0 ? lightMissing : 0);
        x[Lexical] = _maxLexical <= 0 ? 0 : (float)Math.Min(1, lexical / _maxLexical);
        x[Coverage] = _known <= 0 ? 1 : needed <= 0 ? 1 : (float)covered / needed;
        x[EntitiesMatched] = q.EntityIds.Count == 0 ? 0 : (float)matched / q.EntityIds.Count;
        x[EntityMissing] = missing ? 1 : 0;
        x[EntityAbout] = about ? 1 : 0;
        x[CategoryConflict] = categoryConflict ? 1 : 0;
        if (q.Years.Count > 0)
        {
            if (fact.Years.Count == 0) x[YearUndated] = 1;
            else if (fact.Years.Overlaps(q.Years)) x[YearMatch] = 1;
            else x[YearConflict] = 1;
        }
        x[NumberMatch] = q.Numbers.Exists(n => fact.FoldedStatement.Contains(n, StringComparison.Ordinal)) ? 1 : 0;
        if (q.AskedAttribute is { } attribute)
        {
            if (fact.Terms.ContainsKey(attribute)) x[AttributePresent] = 1;
            else x[AttributeAbsent] = 1;
        }
        var (match, mismatch) = TypeAgreement(fact.Years.Count > 0 || fact.Fact.Get("date") is not null,
            fact.Fact.Kind == FactKind.Figure || Lexicon.HasNumber(fact.FoldedStatement), fact.Entities, fact.HasReasonTerm);
        x[TypeMatch] = match ? 1 : 0;
        x[TypeMismatch] = mismatch ? 1 : 0;
        x[WantedEntity] = q.WantedTypes.Count > 0 && wanted ? 1 : 0;
        x[KindAffinity] = (float)(q.KindAffinity(fact.Fact.Kind) / 2);
        x[AliasMatch] = _aliasWords.Any(a => fact.FoldedStatement.Contains(a, StringComparison.Ordinal)) ? 1 : 0;
        x[Phrases] = q.Phrases.Count == 0 ? 0 : (float)q.Phrases.Count(p => fact.FoldedStatement.Contains(p, StringComparison.Ordinal)) / q.Phrases.Count;
        x[Introduces] = q.ContentTerms.Count == 0 && fact.Introduces && about ? 1 : 0;
        x[Reason] = q.Asked == Asked.Why && fact.HasReasonTerm ? 1 : 0;
        x[Future] = q.AsksAboutFuture && FutureWords.Any(w => fact.FoldedStatement.Contains(" " + w + " ", StringComparison.Ordinal)) ? 1 : 0;
    }

    private void SentenceFeatures(IndexedSentence sentence, float[] x)
    {
        var q = _q;
        var index = _index;
        var matched = 0;
        var missing = false;
        foreach (var entity in q.EntityIds)
        {
            if (sentence.Entities.Contains(entity)) matched++;
            else if (_required.Contains(entity)) missing = true;
        }
        var covered = 0;
        var lightMissing = 0;
        var lexical = 0.0;
        var maxLexical = 0.0;
        foreach (var term in q.ContentTerms)
        {
            var idf = index.SentenceIdf.GetValueOrDefault(term, 1f);
            maxLexical += idf;
            if (!sentence.Terms.Contains(term))
            {
                if (Lexicon.LightVerbs.Contains(term)) lightMissing++;
                continue;
            }
            covered++;
            lexical += idf;
        }
        var folded = sentence.Folded;
        if (q.Ordinals.Count > 0 && !_ordinalWords.Any(w => folded.Contains(w, StringComparison.Ordinal))) missing = true;
        var constraints = _constraints;
        var needed = _known - lightMissing;
        x[Lexical] = maxLexical <= 0 ? 0 : (float)(lexical / maxLexical);
        x[Coverage] = _known <= 0 ? 1 : needed <= 0 ? 1 : (float)covered / needed;
        x[EntitiesMatched] = q.EntityIds.Count == 0 ? 0 : (float)matched / q.EntityIds.Count;
        x[EntityMissing] = missing ? 1 : 0;
        x[CategoryConflict] = constraints.Exists(c => !sentence.Terms.Contains(c)) ? 1 : 0;
        var hasYear = sentence.HasYear;
        if (_yearTexts.Length > 0)
        {
            if (Array.Exists(_yearTexts, y => sentence.Text.Contains(y, StringComparison.Ordinal))) x[YearMatch] = 1;
            else if (hasYear) x[YearConflict] = 1;
            else x[YearUndated] = 1;
        }
        x[NumberMatch] = q.Numbers.Exists(n => folded.Contains(n, StringComparison.Ordinal)) ? 1 : 0;
        if (q.AskedAttribute is { } attribute)
        {
            if (sentence.Terms.Contains(attribute)) x[AttributePresent] = 1;
            else x[AttributeAbsent] = 1;
        }
        var (match, mismatch) = TypeAgreement(hasYear, Lexicon.HasNumber(folded), sentence.Entities,
            Lexicon.Overlap(sentence.Terms, Lexicon.ReasonCues));
        x[TypeMatch] = match ? 1 : 0;
        x[TypeMismatch] = mismatch ? 1 : 0;
        x[WantedEntity] = q.WantedTypes.Count > 0 && NamesEntityOfWantedType(sentence.Entities, q, index) ? 1 : 0;
        x[Sentence] = 1;
        x[AliasMatch] = _aliasWords.Any(a => folded.Contains(a, StringComparison.Ordinal)) ? 1 : 0;
        x[Phrases] = q.Phrases.Count == 0 ? 0 : (float)q.Phrases.Count(p => folded.Contains(p, StringComparison.Ordinal)) / q.Phrases.Count;
        x[Reason] = q.Asked == Asked.Why && Lexicon.Overlap(sentence.Terms, Lexicon.ReasonCues) ? 1 : 0;
        x[Future] = q.AsksAboutFuture && FutureWords.Any(w => folded.Contains(" " + w + " ", StringComparison.Ordinal)) ? 1 : 0;
    }

    /// <summary>Whether a candidate gives what the question word asks for, or plainly cannot.</summary>
    private (bool Match, bool Mismatch) TypeAgreement(bool dated, bool hasNumber, HashSet<int> entities, bool reason)
    {
        switch (_q.Asked)
        {
            case Asked.When:
                return (dated, !dated);
            case Asked.HowMany or Asked.HowMuch:
                return (hasNumber, !hasNumber);
            case Asked.Where:
            {
                var place = entities.Any(e => !_q.EntityIds.Contains(e) && _index.Entities[e].Type is "city" or "district" or "province" or "country" or "place" or "station");
                return (place, false);
            }
            case Asked.Who:
            {
                var agent = entities.Any(e => !_q.EntityIds.Contains(e) && _index.Entities[e].Type is "person" or "company" or "organisation");
                return (agent, false);
            }
            case Asked.Why:
                return (reason, false);
            default:
                return (false, false);
        }
    }

    /// <summary>The fact names it in the field that says what the fact is about (its name, subject or investor).</summary>
    public static bool IsAbout(IndexedFact fact, IndexedEntity entity) =>
        fact.NameField == entity.Name || fact.InvestorField == entity.Name || fact.SubjectField == entity.Name;

    /// <summary>Entities a fact must mention to answer: all the question names, except ones nearly every fact mentions.</summary>
    public static HashSet<int> RequiredEntities(QuestionAnalysis q, KnowledgeIndex index)
    {
        var required = new HashSet<int>();
        foreach (var entity in q.EntityIds)
            if (index.Entities[entity].Facts.Count < index.UbiquitousFactCount) required.Add(entity);
        return required;
    }

    /// <summary>The candidate names an entity of a type the question wants back that the question does not name and that is not everywhere.</summary>
    public static bool NamesEntityOfWantedType(HashSet<int> entities, QuestionAnalysis q, KnowledgeIndex index)
    {
        if (q.WantedTypes.Count == 0) return false;
        foreach (var e in entities)
            if (!q.EntityIds.Contains(e) && index.Entities[e].Facts.Count < index.UbiquitousFactCount && TypeMatches(index.Entities[e].Type, q.WantedTypes))
                return true;
        return false;
    }

    private static bool TypeMatches(string entityType, HashSet<string> wanted) =>
        wanted.Contains(entityType)
        || (wanted.Contains("agent") && entityType is "person" or "company" or "organisation")
        || (wanted.Contains("city") && entityType is "district" or "province")
        || (wanted.Contains("place") && entityType is "city" or "district" or "province" or "country");
}
