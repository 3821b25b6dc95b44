using LmcBot.Core.Chat.Presentation;
using System.Globalization;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

using static LmcBot.Core.Answering.Composing.AnswerComposer;

namespace LmcBot.Core.Answering.Legacy;

// The first round's hand-tuned engine. In the default Guarded mode it answers and the staged pipeline's calibrated
// score may veto (AnswerEngine, docs/ANSWERING.md); Legacy runs it alone.

/// <summary>
/// Answers a free-text question from the index: recognise entities, read what is asked, try the typed
/// handlers (figures over time, city pairs, investors), then the best single fact, then the best document
/// sentence; below the confidence threshold it declines and says what it does know.
/// </summary>
internal static partial class LegacyAnswerEngine
{
    /// <summary>Answers below this confidence are declined.</summary>
    private const double ConfidenceThreshold = 0.5;


    public static Answer Answer(string question, KnowledgeIndex index)
    {
        var q = QuestionAnalysis.Analyze(TextFolding.Sanitize(question), index);
        if (q.Tokens.Length == 0)
            return Decline(index, "I could not find a question in that.", Intent.Empty);
        if (q.IsGreeting && q.Mentions.Count == 0 && q.ContentTerms.Count == 0)
            return new Answer
            {
                Answered = false, Intent = Intent.Smalltalk, Confidence = 1,
                Text = (q.AllTerms.Contains("thank") || q.AllTerms.Contains("thanks") || q.AllTerms.Contains("cheers") ? "You're welcome! " : "Hello! ")
                    + "Ask me about Lancang-Mekong Cooperation: its members and meetings, the China-Laos Railway and the StarExpress, trade figures, Chinese investment and city pairs.",
                FollowUps = ExampleFollowUps(index),
            };
        if (q.IsHelp && q.Mentions.Count == 0)
            return new Answer { Answered = false, Intent = Intent.Help, Text = "help", Confidence = 1 };
        if (q.UnknownNames.Count > 0)
            return Decline(index, $"My knowledge base has nothing about {AnswerFormatting.JoinAnd(q.UnknownNames.Distinct().ToList())}.", Intent.UnknownName);

        if (q.AsksAboutFuture)
            return Decline(index, "My knowledge base records what has happened, with dates; it has nothing on upcoming or planned events.", Intent.Future);

        if (MeetingList(q, index) is { } meetings) return meetings;
        var scored = ScoreFacts(q, index);
        return TryFigure(q, index, scored)
            ?? TryCityPairs(q, index)
            ?? TryInvestors(q, index)
            ?? TryBestFact(q, index, scored)
            ?? TrySentence(q, index)
            ?? Decline(index, DeclineReason(q, index), Intent.Decline);
    }

    /// <summary>Why an answer came out as it did: the analysis and the best-scored facts (for <c>ask --explain</c>).</summary>
    public static string Explain(string question, KnowledgeIndex index)
    {
        var q = QuestionAnalysis.Analyze(TextFolding.Sanitize(question), index);
        var lines = new List<string>
        {
            $"tokens: {string.Join(' ', q.Tokens)}",
            $"entities: {string.Join(", ", q.Mentions.Select(m => index.Entities[m.EntityId].Name + (m.Fuzzy ? "~" : "")))}",
            $"content: {string.Join(' ', q.ContentTerms)}; unknown: {string.Join(' ', q.UnknownTerms)}; unknown names: {string.Join(' ', q.UnknownNames)}",
            $"when={q.AsksWhen} quantity={q.AsksQuantity} latest={q.WantsLatest} series={q.WantsSeries} years={string.Join(',', q.Years)}",
        };
        foreach (var s in ScoreFacts(q, index, exactRanks: 6).Take(6))
            lines.Add($"  {s.Score,6:0.00} cov={s.Coverage:0.00} ent={s.EntityMatches} missing={s.MissingEntity} {s.Fact.Fact.Id}");
        return string.Join(Environment.NewLine, lines);
    }

    // ---------------------------------------------------------------- scoring

    /// <param name="MissingEntity">The fact lacks a name the question gives, or contradicts it (another meeting number, another category).</param>
    internal sealed record ScoredFact(IndexedFact Fact, double Score, double Coverage, int EntityMatches, bool MissingEntity);

    /// <summary>A runner-up joins the best fact's answer when it scores at least this share of it (same kind of fact, other kind).</summary>
    private const double RunnerUpSameKind = 0.85;
    private const double RunnerUpOtherKind = 0.95;

    /// <summary>Slack on the score bounds, far above any rounding in summing them.</summary>
    private const double BoundMargin = 1e-3;

    /// <summary>
    /// The candidates' scores, best first. Every fact that names a question entity or holds a content
    /// term is a candidate. The list holds every candidate that can matter to an answer: the best one;
    /// every one scoring at least <see cref="RunnerUpSameKind"/> of it (the only runners-up
    /// <see cref="TryBestFact"/> can take, so the runners-up it reads are the same as in the full list);
    /// with <paramref name="exactRanks"/>, the exact best that many (for <see cref="Explain"/>); every
    /// figure fact when <see cref="TryFigure"/> picks one (by coverage before score) and no required
    /// entity rules the rest out; and every fact of the entity an overview is about. The rest are not
    /// scored: candidate lists are taken in order of the most they can add, and once what the untaken
    /// lists could add at most falls below what is still needed, no candidate found only in them can be
    /// needed (MaxScore pruning). The candidates that are scored get exactly the scores a full scan gives
    /// them, and the answer is the same as with every candidate scored.
    /// </summary>
    private static ScoredList ScoreFacts(QuestionAnalysis q, KnowledgeIndex index, int exactRanks = 0)
    {
        var scorer = new FactScorer(q, index);
        var results = new ScoredList(scorer);
        var visited = new FactSet(index.FactCount);
        var top = new TopScores(Math.Max(1, exactRanks));
        void Score(int id)
        {
            if (!visited.Add(id)) return;
            var scored = scorer.Score(index.Facts[id]);
            results.Add(scored);
            top.Add(scored.Score);
        }
        void ScoreAll(IReadOnlyList<int> ids)
        {
            foreach (var id in ids) Score(id);
        }

        // The core: the facts of the required entity with the fewest. Every candidate outside it misses
        // that entity and loses 4. Its facts that hold a content term are scored; the others can score at
        // most their entities plus the constant part, and are scored only if that could be needed.
        var core = -1;
        foreach (var entity in scorer.EntityIds)
            if (scorer.Required.Contains(entity) && (core < 0 || index.Entities[entity].Facts.Count < index.Entities[core].Facts.Count))
                core = entity;
        var coreWithoutTerms = new List<int>();
        if (core >= 0)
        {
            foreach (var id in index.Entities[core].Facts)
            {
                if (q.ContentTerms.Count == 0 || scorer.HoldsContentTerm(index.Facts[id])) Score(id);
                else coreWithoutTerms.Add(id);
            }
        }
        // Scored whole: the facts of the entity an overview would be about.
        var overviewEntity = q.ContentTerms.Count == 0 && q.Mentions.Count > 0 ? q.Mentions[0].EntityId : -1;
        if (overviewEntity >= 0) ScoreAll(index.Entities[overviewEntity].Facts);

        var lists = new List<(IReadOnlyList<int> Ids, double Bound)>();
        var entityBounds = 0.0;
        foreach (var entity in scorer.EntityIds)
        {
            var bound = 1.5 + 3 * index.Entities[entity].Weight + 1;
            entityBounds += bound;
            if (entity != core && entity != overviewEntity) lists.Add((index.Entities[entity].Facts, bound));
        }
        foreach (var term in q.ContentTerms)
        {
            var postings = index.FactsWithTerm(term);
            if (postings.Count > 0) lists.Add((postings, index.MaxTermWeight.GetValueOrDefault(term)));
        }
        lists.Sort((a, b) => b.Bound.CompareTo(a.Bound));
        var untaken = new double[lists.Count + 1];
        for (var i = lists.Count - 1; i >= 0; i--) untaken[i] = untaken[i + 1] + lists[i].Bound;
        var penalty = core >= 0 ? 4 : 0;
        var next = 0;
        for (; next < lists.Count; next++)
        {
            if (results.Count > 0 && scorer.ConstantBound - penalty + untaken[next] < Needed() - BoundMargin) break;
            ScoreAll(lists[next].Ids);
        }
        // The core's facts without a content term: no term adds to their score.
        var coreLeftOut = results.Count > 0 && scorer.ConstantBound + entityBounds < Needed() - BoundMargin;
        if (!coreLeftOut) ScoreAll(coreWithoutTerms);
        results.Sort(CompareScored);

        // The figure handler picks by coverage before score: it needs every figure fact that does not miss
        // an entity. With a required entity, those are in the core.
        if (FigureHandlerPicks(q, results))
        {
            var added = false;
            if (core < 0)
            {
                for (var i = next; i < lists.Count; i++)
                    foreach (var id in lists[i].Ids)
                        added |= AddFigure(id);
            }
            else if (coreLeftOut)
            {
                foreach (var id in coreWithoutTerms) added |= AddFigure(id);
            }
            if (added) results.Sort(CompareScored);
        }
        return results;

        bool AddFigure(int id)
        {
            if (index.Facts[id].Fact.Kind != FactKind.Figure || !visited.Add(id)) return false;
            results.Add(scorer.Score(index.Facts[id]));
            return true;
        }

        // The lowest score a candidate must be sure to stay under to be left out.
        double Needed()
        {
            var best = top.Best;
            var runnerUp = best >= 0 ? RunnerUpSameKind * best : best;
            return exactRanks > 0 ? Math.Min(runnerUp, top.IsFull ? top.Threshold : double.NegativeInfinity) : runnerUp;
        }
    }

    private static int CompareScored(ScoredFact a, ScoredFact b) =>
        b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.Fact.Fact.Id, b.Fact.Fact.Id);

    /// <summary>Whether <see cref="TryFigure"/> gets as far as choosing a figure fact.</summary>
    private static bool FigureHandlerPicks(QuestionAnalysis q, List<ScoredFact> scored)
    {
        var topIsSeries = scored.Count > 0 && scored[0].Fact.Fact.Kind == FactKind.Figure && !IsPlainOverview(q);
        return (q.AsksQuantity || q.Years.Count > 0 || q.WantsLatest || q.WantsSeries || topIsSeries)
            && !Lexicon.Overlap(q.AllTerms, Lexicon.ReasonCues);
    }

    /// <summary>Scored facts, best first, that can also score a candidate left out (see <see cref="ScoreFacts"/>).</summary>
    private sealed class ScoredList(FactScorer scorer) : List<ScoredFact>
    {
        /// <summary>The fact's score, as a full scan would have listed it (null when it is no candidate).</summary>
        public ScoredFact? Find(IndexedFact fact)
        {
            foreach (var scored in this)
                if (scored.Fact == fact) return scored;
            return scorer.IsCandidate(fact) ? scorer.Score(fact) : null;
        }
    }

    /// <summary>A set of fact ids, one bit each.</summary>
    private readonly struct FactSet(int count)
    {
        private readonly ulong[] _bits = new ulong[(count + 63) >> 6];

        /// <summary>Adds the id; false when it was there already.</summary>
        public bool Add(int id)
        {
            ref var word = ref _bits[id >> 6];
            var bit = 1UL << (id & 63);
            if ((word & bit) != 0) return false;
            word |= bit;
            return true;
        }
    }

    /// <summary>The best scores seen so far, highest first, up to a count.</summary>
    private sealed class TopScores(int size)
    {
        private readonly double[] _scores = new double[size];
        private int _count;

        public bool IsFull => _count == size;

        /// <summary>The lowest of the kept scores.</summary>
        public double Threshold => _scores[_count - 1];

        /// <summary>The highest score seen.</summary>
        public double Best => _count == 0 ? double.NegativeInfinity : _scores[0];

        public void Add(double score)
        {
            if (_count == size)
            {
                if (score <= _scores[size - 1]) return;
                _count--;
            }
            var at = _count;
            while (at > 0 && _scores[at - 1] < score)
            {
                _scores[at] = _scores[at - 1];
                at--;
            }
            _scores[at] = score;
            _count++;
        }
    }

    /// <summary>Scores one fact against a question; what depends on the question alone is worked out once.</summary>
    private sealed class FactScorer
    {
        private readonly QuestionAnalysis _q;
        private readonly KnowledgeIndex _index;
        private readonly List<string> _terms;
        private readonly bool[] _termIsAnswerType;
        private readonly bool[] _termIsLight;
        private readonly float[] _termIdf;
        private readonly bool _asksReason;
        private readonly bool _asksAboutName;
        private readonly int _known;
        private readonly string[] _ordinalNumbers;
        private readonly string[] _ordinalWords;
        private readonly string[] _aliasWords;
        private string[]? _entityNameWords;

        public FactScorer(QuestionAnalysis q, KnowledgeIndex index)
        {
            _q = q;
            _index = index;
            EntityIds = [.. q.EntityIds];
            Required = RequiredEntities(q, index);
            _asksReason = Lexicon.Overlap(q.AllTerms, Lexicon.ReasonCues);
            _asksAboutName = Array.Exists(q.Tokens, Lexicon.NameCues.Contains);
            _terms = q.ContentTerms;
            _termIsAnswerType = new bool[_terms.Count];
            _termIsLight = new bool[_terms.Count];
            _termIdf = new float[_terms.Count];
            for (var i = 0; i < _terms.Count; i++)
            {
                _termIsAnswerType[i] = Lexicon.AnswerTypes.TryGetValue(_terms[i], out var answerType) && q.WantedTypes.Contains(answerType);
                _termIdf[i] = index.FactIdf.GetValueOrDefault(_terms[i], 1f);
                _termIsLight[i] = q.Mentions.Count > 0 && Lexicon.LightVerbs.Contains(_terms[i]);
            }
            _known = q.ContentTerms.Count - q.UnknownTerms.Count;
            _ordinalNumbers = [.. q.Ordinals.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            _ordinalWords = [.. q.Ordinals.Select(o => " " + Lexicon.OrdinalWords[o] + " ")];
            _aliasWords = [.. q.AliasTexts.Select(alias => " " + alias + " ")];

        }

        public int[] EntityIds { get; }

        public HashSet<int> Required { get; }

        private double? _constantBound;

        /// <summary>An upper bound on a fact's score apart from its entity and term parts.</summary>
        public double ConstantBound => _constantBound ??= ComputeConstantBound();

        private double ComputeConstantBound()
        {
            var q = _q;
            var kindPart = 0.0;
            foreach (var kind in Lexicon.KindCues.Keys.Append(FactKind.Figure))
                kindPart = Math.Max(kindPart, 0.8 * q.KindAffinity(kind) + (q.AsksQuantity && kind == FactKind.Figure ? 1 : 0));
            return kindPart + (q.AsksWhen ? 1.5 : 0) + (q.Years.Count > 0 ? 3 : 0) + (_asksReason ? 2 : 0)
                + (q.Ordinals.Count > 0 ? 3 : 0) + q.Phrases.Count + 2 * q.Numbers.Count + 2.5 * q.AliasTexts.Count + (q.WantedTypes.Count > 0 ? 1.5 : 0);
        }

        /// <summary>The fact holds one of the question's content terms.</summary>
        public bool HoldsContentTerm(IndexedFact fact) => _terms.Any(fact.Terms.ContainsKey);

        /// <summary>Whether a full scan would score the fact: it names a question entity or holds a content term.</summary>
        public bool IsCandidate(IndexedFact fact) =>
            EntityIds.Any(fact.Entities.Contains) || _terms.Any(fact.Terms.ContainsKey);

        public ScoredFact Score(IndexedFact fact)
        {
            var q = _q;
            var index = _index;
            var entityScore = 0.0;
            var matches = 0;
            var missing = false;
            foreach (var entity in EntityIds)
            {
                if (fact.Entities.Contains(entity))
                {
                    entityScore += 1.5 + 3 * index.Entities[entity].Weight;
                    if (IsAbout(fact, index.Entities[entity])) entityScore += 1;
                    matches++;
                }
                else if (Required.Contains(entity))
                {
                    missing = true;
                }
            }
            var covered = 0;
            var lightMissing = 0;
            var lexical = 0.0;
            var categories = fact.KindCategories;
            var wantedEntity = 0; // 0 not worked out yet, 1 yes, -1 no
            for (var i = 0; i < _terms.Count; i++)
            {
                var term = _terms[i];
                // "Which country …" is covered by a country the fact names.
                if (_termIsAnswerType[i] && NamesWantedEntity(fact, ref wantedEntity))
                {
                    covered++;
                    continue;
                }
                // A category the question names that this fact's category contradicts ("leaders'" for a ministers' meeting).
                if (categories is not null && categories.Contains(term) && !fact.CategoryTerms.Contains(term) && fact.CategoryTerms.Count > 0)
                    missing = true;
                if (!fact.Terms.TryGetValue(term, out var tf))
                {
                    if (_termIsLight[i]) lightMissing++;
                    continue;
                }
                covered++;
                var idf = _termIdf[i];
                lexical += idf * (tf * (AnswerEngine.K1 + 1)) / (tf + AnswerEngine.K1 * (1 - AnswerEngine.B + AnswerEngine.B * fact.Length / index.AverageFactLength));
            }
            // A light verb the fact does not use asks nothing of a fact about the named thing.
            var needed = matches > 0 ? _known - lightMissing : _known;
            var coverage = _known <= 0 ? (q.UnknownTerms.Count == 0 ? 1.0 : 0.0) : needed <= 0 ? 1.0 : (double)covered / needed;
            var score = entityScore + lexical + 0.8 * KindAffinity(fact);
            if (q.AsksWhen && fact.Years.Count > 0) score += 1.5;
            if (q.Years.Count > 0)
                score += fact.Years.Overlaps(q.Years) ? 3 : fact.Years.Count > 0 ? -3 : 0;
            if (q.AsksQuantity && fact.Fact.Kind == FactKind.Figure) score += 1;
            if (_asksReason && fact.HasReasonTerm) score += 2;
            if (q.Ordinals.Count > 0)
            {
                // The ordinal asked for is a constraint, like a name: the fact must carry it.
                var carries = fact.Fact.Get("number") is { } number
                    ? Array.IndexOf(_ordinalNumbers, number) >= 0
                    : _ordinalWords.Any(word => fact.FoldedStatement.Contains(word, StringComparison.Ordinal));
                if (carries) score += 3;
                else missing = true;
            }
            foreach (var phrase in q.Phrases)
                if (fact.FoldedStatement.Contains(phrase, StringComparison.Ordinal)) score += 1;
            // A number the question quotes ("when did trade reach 400 billion") points at the fact giving it.
            foreach (var number in q.Numbers)
                if (fact.FoldedStatement.Contains(number, StringComparison.Ordinal)) score += 2;
            foreach (var alias in _aliasWords)
                if (fact.FoldedStatement.Contains(alias, StringComparison.Ordinal))
                {
                    score += 1.5;
                    // A statement that gives the alias beside the full name defines it ("what does MLC stand for"),
                    // which matters only when the question asks about the name.
                    if (_asksAboutName)
                    {
                        _entityNameWords ??= [.. EntityIds.Select(e => " " + TextFolding.Fold(index.Entities[e].Name) + " ")];
                        if (_entityNameWords.Any(name => fact.FoldedStatement.Contains(name, StringComparison.Ordinal))) score += 1;
                    }
                }
            if (q.WantedTypes.Count > 0 && NamesWantedEntity(fact, ref wantedEntity))
                score += 1.5;
            score -= 0.05 * fact.GradeRank;
            if (missing) score -= 4;
            return new ScoredFact(fact, score, coverage, matches, missing);
        }

        private double[]? _affinityByKind;

        /// <summary><see cref="QuestionAnalysis.KindAffinity"/> of the fact's kind, looked up by kind position.</summary>
        private double KindAffinity(IndexedFact fact)
        {
            if (fact.KindIndex < 0) return _q.KindAffinity(fact.Fact.Kind);
            if (_affinityByKind is null)
            {
                _affinityByKind = new double[FactKind.All.Count];
                for (var i = 0; i < _affinityByKind.Length; i++) _affinityByKind[i] = _q.KindAffinity(FactKind.All[i].Name);
            }
            return _affinityByKind[fact.KindIndex];
        }

        /// <summary>The fact names an entity of a wanted type that the question does not name and that is not everywhere.</summary>
        private bool NamesWantedEntity(IndexedFact fact, ref int cached)
        {
            if (cached == 0) cached = NamesEntityOfWantedType(fact.Entities, _q, _index) ? 1 : -1;
            return cached > 0;
        }
    }

    /// <summary>The fact names an entity of a type the question wants back that the question does not name and that is not everywhere.</summary>
    private static bool NamesEntityOfWantedType(HashSet<int> entities, QuestionAnalysis q, KnowledgeIndex index)
    {
        foreach (var e in entities)
            if (!q.EntityIds.Contains(e) && index.Entities[e].Facts.Count < index.UbiquitousFactCount && TypeMatches(index.Entities[e].Type, q.WantedTypes))
                return true;
        return false;
    }

    /// <summary>
    /// "Which country trades most with China?" compares things of a type; a fact that names none of
    /// that type (the total for all five) does not answer it.
    /// </summary>
    private static bool ComparesWithoutCandidates(QuestionAnalysis q, HashSet<int> named, KnowledgeIndex index) =>
        ComparesThingsOfAType(q) && !NamesEntityOfWantedType(named, q, index);

    /// <summary>"Which country … most …": a superlative over a type of thing the question wants back.</summary>
    private static bool ComparesThingsOfAType(QuestionAnalysis q) =>
        q.WantedTypes.Count > 0 && !q.WantedTypes.Contains("agent") && Array.Exists(q.Tokens, Lexicon.SuperlativeCues.Contains);

    private static bool TypeMatches(string entityType, HashSet<string> wanted) =>
        wanted.Contains(entityType)
        || (wanted.Contains("agent") && entityType is "person" or "company" or "organisation")
        || (wanted.Contains("city") && entityType is "district" or "province")
        || (wanted.Contains("place") && entityType is "city" or "district" or "province" or "country");

    /// <summary>Entities a fact must mention to answer: all the question names, except ones nearly every fact mentions.</summary>
    private static HashSet<int> RequiredEntities(QuestionAnalysis q, KnowledgeIndex index)
    {
        var required = new HashSet<int>();
        foreach (var entity in q.EntityIds)
            if (index.Entities[entity].Facts.Count < index.UbiquitousFactCount) required.Add(entity);
        return required;
    }

    private static double Confidence(ScoredFact best, QuestionAnalysis q)
    {
        var confidence = 0.3 + 0.4 * best.Coverage + Math.Min(0.3, 0.15 * best.EntityMatches) + 0.05 * Math.Min(2, q.KindAffinity(best.Fact.Fact.Kind));
        if (q.ContentTerms.Count == 0 && best.EntityMatches == 0) confidence -= 0.4;
        confidence -= 0.15 * q.UnknownTerms.Count;
        if (best.MissingEntity) confidence -= 0.5;
        return Math.Clamp(confidence, 0, 0.99);
    }

    /// <summary>Unknown words are names of things the knowledge base lacks; one is tolerated only when all else matches.</summary>
    private static bool UnknownWordsAllow(QuestionAnalysis q, ScoredFact best)
    {
        if (q.UnknownTerms.Count == 0) return true;
        if (q.UnknownTerms.Count > 1 || best.EntityMatches == 0 || q.UnknownModifiesSubject) return false;
        return q.ContentTerms.Count > q.UnknownTerms.Count && best.Coverage >= 0.99;
    }

    // ---------------------------------------------------------------- figures over time

    /// <summary>A name on its own ("Tell me about Cambodia"): an overview, not the figure that happens to score best.</summary>
    private static bool IsPlainOverview(QuestionAnalysis q) =>
        q.ContentTerms.Count == 0 && q.Mentions.Count > 0 && !q.AsksQuantity && q.Years.Count == 0 && !q.WantsLatest && !q.WantsSeries;

    private static Answer? TryFigure(QuestionAnalysis q, KnowledgeIndex index, List<ScoredFact> scored)
    {
        if (!FigureHandlerPicks(q, scored)) return null;
        // Pick the series by what it is about; the year decides within the series, not between series.
        // "How much money …" wants an amount of money, not a count of projects.
        var wantsMoney = Lexicon.Overlap(q.AllTerms, Lexicon.MoneyCues);
        bool QuotesNumber(ScoredFact s) => q.Numbers.Exists(number => s.Fact.FoldedStatement.Contains(number, StringComparison.Ordinal));
        var best = scored.Where(s => s.Fact.Fact.Kind == FactKind.Figure && !s.MissingEntity && (!wantsMoney || IsMoney(s.Fact.Fact.Get("unit"))))
            .OrderByDescending(QuotesNumber)
            .ThenByDescending(s => s.Coverage)
            .ThenByDescending(s => s.Score + (q.Years.Count > 0 && s.Fact.Years.Count > 0 && !s.Fact.Years.Overlaps(q.Years) ? 3 : 0))
            .FirstOrDefault();
        if (best is null || best.Coverage < 0.5 || !UnknownWordsAllow(q, best) || ComparesWithoutCandidates(q, best.Fact.Entities, index)) return null;
        // "How many countries …" counts countries: a figure in dollars or tonnes is not that count.
        if (q.AllTerms.Contains("many") && q.ContentTerms.FirstOrDefault(Lexicon.AnswerTypes.ContainsKey) is { } counted
            && !(best.Fact.Fact.Get("unit") is { } unit && TextFolding.Tokens(unit).Any(t => Lexicon.Term(t) == counted)))
            return null;
        // A non-figure fact that matches clearly better answers instead (a length in a route, a capacity of a plant).
        var top = scored[0];
        if (top.Fact.Fact.Kind != FactKind.Figure && !top.MissingEntity
            && (top.Coverage > best.Coverage || (top.Coverage >= best.Coverage && (top.Score > best.Score + 2 || OneMembersShare(best, q, index)))))
            return null;
        // "How big is the Special Fund?" asks for the amount the fact about the fund gives, not for the
        // count of projects it has funded; a count answers only when asked for by its own words.
        if (q.ContentTerms.Count == 0 && q.Mentions.Count > 0 && !q.WantsSeries && q.Years.Count == 0 && !q.WantsLatest
            && !IsMoney(best.Fact.Fact.Get("unit")) && index.Entities[q.Mentions[0].EntityId] is var named
            && scored.Any(s => s.Fact.Fact.Kind != FactKind.Figure && !s.MissingEntity && IsAbout(s.Fact, named) && s.Fact.Fact.Get("amount") is not null))
            return null;
        var metric = best.Fact.Fact.Get("metric")!;
        var series = index.Metrics[metric].Select(i => index.Facts[i]).ToList();
        // A single figure: the generic answer reads better, and a "how many" question gets it rather than a list.
        if (series.Count == 1 && q.Years.Count == 0 && !q.WantsSeries) return q.AsksQuantity ? TryBestFact(q, index, scored) : null;
        var label = index.MetricLabel(metric);
        var confidence = Confidence(best, q);
        if (confidence < ConfidenceThreshold) return null;
        List<IndexedFact> dated = [.. index.CachedSeriesPoints(metric, SeriesPoints)];

        if (q.Years.Count > 0)
        {
            var matching = series.Where(s => s.Years.Overlaps(q.Years)).ToList();
            if (matching.Count == 0)
            {
                var wanted = q.Years[0];
                var nearest = dated.OrderBy(s => Math.Abs(s.Years.First() - wanted)).Take(2).OrderBy(s => s.Years.First()).ToList();
                return new Answer
                {
                    Answered = false,
                    Intent = Intent.Figure,
                    Confidence = confidence,
                    Text = $"My knowledge base has no {label} figure for {wanted}." + (dated.Count == 0 ? "" : $" It has figures for {AnswerFormatting.JoinAnd(dated.Select(s => AnswerFormatting.DateOf(s.Fact)).Distinct().ToList())}."),
                    FollowUps = nearest.Select(s => FollowUp.Ask($"What was {label} in {AnswerFormatting.DateOf(s.Fact)}?")).ToList(),
                };
            }
            return Compose(index, matching.OrderBy(s => s.GradeRank).ToList(), Intent.Figure, confidence, q);
        }
        if (q.WantsSeries && dated.Count > 1)
        {
            var lines = dated.Select(s => $"{AnswerFormatting.DateOf(s.Fact)}: {AnswerFormatting.Figure(s.Fact)}{(s.Fact.Get("change") is { } c ? $" ({c}{(s.Fact.Get("change_basis") is { } b ? " vs " + b : "")})" : "")}").ToList();
            return new Answer
            {
                Answered = true,
                Intent = Intent.FigureSeries,
                Confidence = confidence,
                Title = char.ToUpperInvariant(label[0]) + label[1..] + " over time",
                Text = $"{char.ToUpperInvariant(label[0]) + label[1..]}, in date order: " + string.Join("; ", lines) + ".",
                Fields = dated.Select(s => new AnswerField(AnswerFormatting.DateOf(s.Fact), AnswerFormatting.Figure(s.Fact))).ToList(),
                Citations = dated.Select(s => s.Citation).OfType<Citation>().DistinctBy(c => (c.DocumentId, c.Quote)).ToList(),
                FactIds = dated.Select(s => s.Fact.Id).ToList(),
                FollowUps = [FollowUp.Ask($"What is the latest {label} figure?")],
            };
        }
        // A figure the question singles out ("in its first month") beats the latest one.
        var latestScored = dated.Count == 0 ? null
            : scored is ScoredList list ? list.Find(dated[^1])
            : scored.FirstOrDefault(s => s.Fact == dated[^1]);
        if (!q.WantsLatest && dated.Count > 0 && best.Fact != dated[^1]
            && (latestScored is null || best.Coverage > latestScored.Coverage || best.Score > latestScored.Score + 1.5 || QuotesNumber(best)))
            return Compose(index, [best.Fact], Intent.Figure, confidence, q);
        // Latest (asked for, or the default for "how much is X").
        var latest = dated.Count > 0 ? dated[^1] : best.Fact;
        var answer = Compose(index, [latest], Intent.Figure, confidence, q);
        if (dated.Count > 1)
            answer = answer with
            {
                Text = answer.Text + $" That is the latest figure I have ({AnswerFormatting.DateOf(latest.Fact)}); I also have {AnswerFormatting.JoinAnd(dated.Take(dated.Count - 1).Select(s => AnswerFormatting.DateOf(s.Fact)).Distinct().ToList())}.",
                FollowUps = new[] { FollowUp.Ask($"How has {label} changed over time?") }.Concat(answer.FollowUps).Distinct().Take(AnswerDisplay.MaxFollowUps).ToList(),
            };
        return answer;
    }

    /// <summary>
    /// The figure is one party's share of what the question asks about as a whole: its subject is a
    /// country, city or company the question does not name ("how big is the fund" against one member's grant).
    /// </summary>
    private static bool OneMembersShare(ScoredFact figure, QuestionAnalysis q, KnowledgeIndex index) =>
        q.Mentions.Count > 0 && figure.Fact.SubjectField is { } subject && index.EntityNamed(subject) is { } e
        && !q.EntityIds.Contains(e.Id) && e.Type is "country" or "city" or "province" or "district" or "company";

    // ---------------------------------------------------------------- city pairs

    private static Answer? TryCityPairs(QuestionAnalysis q, KnowledgeIndex index)
    {
        if (!Lexicon.Overlap(q.AllTerms, Lexicon.CityPairCues)) return null;
        var cities = q.EntityIds.Select(e => index.Entities[e]).Where(e => index.CityPairsOf(e.Name).Any(f => f.Entities.Contains(e.Id))).ToList();
        if (cities.Count == 0 && q.UnknownTerms.Count == 0
            && q.EntityIds.Select(e => index.Entities[e]).FirstOrDefault(e => e.Type is "city" or "district" or "province") is { } unpaired)
            return CityPairs(index, unpaired, null, 0.9); // a known city without partners: say so, do not answer about something else
        if (cities.Count == 0)
        {
            if (q.UnknownTerms.Count > 0)
                return Decline(index, $"My knowledge base has no city pairs for {AnswerFormatting.JoinAnd(q.UnknownTerms)}. It knows partner cities of {AnswerFormatting.JoinAnd(index.Values(Knowledge.CompletionSource.Cities).Take(8).ToList())}.", Intent.CityPairs);
            return null; // a general question about city pairs: the best fact answers it
        }
        if (q.UnknownTerms.Count > 0) return null;
        return CityPairs(index, cities[0], cities.Skip(1).FirstOrDefault(), 0.9);
    }

    // ---------------------------------------------------------------- investors

    private static Answer? TryInvestors(QuestionAnalysis q, KnowledgeIndex index)
    {
        if (!Lexicon.Overlap(q.AllTerms, Lexicon.InvestmentCues)) return null;
        var entities = q.EntityIds.Select(e => index.Entities[e]).ToList();
        var investors = entities.Where(e => index.InvestmentsBy(e.Name).Count > 0).ToList();
        var countries = entities.Where(e => index.InvestmentsIn(e.Name).Count > 0).ToList();
        var otherCountries = entities.Where(e => e.Type == "country" && !countries.Contains(e) && e.Name != "China").ToList();
        if (otherCountries.Count > 0 && investors.Count == 0)
            return Decline(index, $"My knowledge base has no Chinese investments recorded in {AnswerFormatting.JoinAnd(otherCountries.Select(c => c.Name).ToList())}. It has investments in {AnswerFormatting.JoinAnd(index.Values(Knowledge.CompletionSource.Countries).Where(c => index.InvestmentsIn(c).Count > 0).ToList())}.", Intent.Investors);
        if (q.UnknownTerms.Count > 0 && investors.Count == 0)
            return Decline(index, $"My knowledge base has no investments by {AnswerFormatting.JoinAnd(q.UnknownTerms)}.", Intent.Investors);
        if (investors.Count == 0 && countries.Count == 0) return null;
        // A precise question about one investor (a plant's capacity, its opening date) is answered by the best fact.
        if (investors.Count == 1 && q.ContentTerms.Any(t => !Lexicon.KindCues[FactKind.Investment].Contains(t))) return null;
        if (q.AsksQuantity || q.AsksWhen) return null;
        return Investors(index, countries.FirstOrDefault(), null, investors.FirstOrDefault(), 0.85);
    }

    // ---------------------------------------------------------------- typed commands

    /// <summary>A metric's figure for one year, or its whole series in date order.</summary>
    internal static Answer Metric(KnowledgeIndex index, string metric, int? year)
    {
        var series = index.Metrics[metric].Select(i => index.Facts[i]).ToList();
        var label = index.MetricLabel(metric);
        var question = year is null ? $"How has {label} changed over time?" : $"What was {label} in {year}?";
        var q = QuestionAnalysis.Analyze(question, index);
        var best = new ScoredFact(series[^1], 10, 1, 1, false);
        return TryFigure(q, index, [best]) ?? Compose(index, series, Intent.Figure, 0.9, q);
    }

    // ---------------------------------------------------------------- best single fact

    private static Answer? TryBestFact(QuestionAnalysis q, KnowledgeIndex index, List<ScoredFact> scored)
    {
        if (scored.Count == 0) return null;
        var best = scored[0];
        if (best.MissingEntity || !UnknownWordsAllow(q, best)) return null;
        if (q.ContentTerms.Count > 0 && best.Coverage < 0.5) return null;
        if (q.Mentions.Count == 0 && best.Coverage < 0.75) return null;
        var confidence = Confidence(best, q);
        if (confidence < ConfidenceThreshold) return null;
        // "What was the theme of the ninth meeting?" is not answered by a fact that gives no theme.
        if (q.AskedAttribute is { } attribute && !best.Fact.Terms.ContainsKey(attribute)) return null;
        if (ComparesWithoutCandidates(q, best.Fact.Entities, index)) return null;

        // An entity on its own ("StarExpress", "Tell me about BYD") gets an overview of its top facts.
        if (q.ContentTerms.Count == 0 && q.Mentions.Count > 0)
        {
            var entity = index.Entities[q.Mentions[0].EntityId];
            // Lead with what introduces the thing, then what is about it rather than merely naming it, and
            // keep disputed claims behind settled ones.
            var overview = scored.Where(s => s.Fact.Entities.Contains(entity.Id) && !s.MissingEntity)
                .OrderByDescending(s => s.Fact.Introduces && IsAbout(s.Fact, entity))
                .ThenByDescending(s => IsAbout(s.Fact, entity))
                .ThenBy(s => IsDisputed(index, s.Fact))
                .ThenByDescending(s => s.Score)
                .DistinctBy(s => s.Fact.Fact.Claim ?? s.Fact.Fact.Id).Take(3).Select(s => s.Fact).ToList();
            return Compose(index, overview, Intent.Overview, confidence, q) with { Title = entity.Name };
        }
        // Close runners-up that miss no entity the question requires and cover as much of it are part of the answer
        // ("Which countries…" over two membership facts), up to three; one of another kind must come closer than one
        // of the same kind (RunnerUpOtherKind against RunnerUpSameKind).
        var answerSet = new List<IndexedFact> { best.Fact };
        foreach (var other in scored.Skip(1).Take(6))
        {
            if (answerSet.Count >= 3) break;
            if (other.MissingEntity || other.Coverage < best.Coverage) continue;
            var sameKind = other.Fact.Fact.Kind == best.Fact.Fact.Kind;
            if (other.Score < best.Score * (sameKind ? RunnerUpSameKind : RunnerUpOtherKind)) continue;
            if (best.Fact.Fact.Claim is not null && other.Fact.Fact.Claim == best.Fact.Fact.Claim) continue;
            answerSet.Add(other.Fact);
        }
        return Compose(index, answerSet, IntentOf(best.Fact.Fact.Kind, q), confidence, q);
    }

    private static bool IsAbout(IndexedFact fact, IndexedEntity entity) =>
        fact.NameField == entity.Name || fact.InvestorField == entity.Name || fact.SubjectField == entity.Name;

    // ---------------------------------------------------------------- sentence fallback

    private static Answer? TrySentence(QuestionAnalysis q, KnowledgeIndex index)
    {
        if (q.ContentTerms.Count == 0 || q.UnknownTerms.Count > 0) return null;
        var candidates = new HashSet<int>();
        foreach (var term in q.ContentTerms) candidates.UnionWith(index.SentencesWithTerm(term));
        var required = RequiredEntities(q, index);
        IndexedSentence? best = null;
        double bestScore = 0, bestCoverage = 0;
        var constraints = q.ContentTerms.Where(index.AllCategoryTerms.Contains)
            .Concat(q.Ordinals.Select(o => Lexicon.OrdinalWords[o])).ToList();
        var terms = q.ContentTerms;
        var idfs = new float[terms.Count];
        for (var i = 0; i < terms.Count; i++) idfs[i] = index.SentenceIdf.GetValueOrDefault(terms[i], 1f);
        var entityIds = q.EntityIds;
        var yearTexts = q.Years.Select(year => year.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var id in candidates)
        {
            var sentence = index.Sentences[id];
            if (!sentence.Entities.IsSupersetOf(required)) continue;
            if (!ContainsAll(sentence.Terms, constraints)) continue;
            if (q.AskedAttribute is { } attribute && !sentence.Terms.Contains(attribute)) continue;
            // A year the question asks about is a constraint too ("what did he propose in 2020").
            if (yearTexts.Length > 0 && !Array.Exists(yearTexts, year => sentence.Text.Contains(year, StringComparison.Ordinal))) continue;
            var covered = 0;
            var lightMissing = 0;
            var score = 0.0;
            for (var i = 0; i < terms.Count; i++)
            {
                if (!sentence.Terms.Contains(terms[i]))
                {
                    if (Lexicon.LightVerbs.Contains(terms[i])) lightMissing++;
                    continue;
                }
                covered++;
                score += idfs[i];
            }
            var named = 0;
            foreach (var entity in entityIds)
                if (sentence.Entities.Contains(entity)) named++;
            score += named * 1.5 - 0.05 * sentence.GradeRank;
            // A generic verb the sentence words otherwise ("held" for "organised") asks nothing of it.
            var needed = q.ContentTerms.Count - lightMissing;
            var coverage = needed <= 0 ? 0 : (double)covered / needed;
            if (score > bestScore)
            {
                best = sentence;
                bestScore = score;
                bestCoverage = coverage;
            }
        }
        if (best is null || bestCoverage < 0.6 || (q.Mentions.Count == 0 && bestCoverage < 0.8)) return null;
        if (ComparesWithoutCandidates(q, best.Entities, index)) return null;
        var confidence = Math.Clamp(0.25 + 0.35 * bestCoverage + 0.1 * Math.Min(2, q.EntityIds.Count(best.Entities.Contains)), 0, 0.8);
        if (confidence < ConfidenceThreshold) return null;
        var document = index.Documents[best.DocumentId];
        return new Answer
        {
            Answered = true,
            Intent = Intent.Document,
            Confidence = confidence,
            Text = $"From \"{document.Title}\": {best.Text}",
            Citations = [best.Citation],
            FollowUps = best.Entities.Where(e => !q.EntityIds.Contains(e)).Take(AnswerDisplay.MaxFollowUps).Select(e => FollowUp.Ask($"Tell me about {index.Entities[e].Name}")).ToList(),
        };
    }

    private static bool ContainsAll(HashSet<string> set, List<string> items)
    {
        foreach (var item in items)
            if (!set.Contains(item)) return false;
        return true;
    }

    // ---------------------------------------------------------------- composing

    private static string DeclineReason(QuestionAnalysis q, KnowledgeIndex index)
    {
        if (q.UnknownTerms.Count > 0)
            return $"My knowledge base does not cover {AnswerFormatting.JoinAnd(q.UnknownTerms.Select(t => $"\"{t}\"").ToList())}{(q.Mentions.Count > 0 ? " for " + AnswerFormatting.JoinAnd(q.EntityIds.Select(e => index.Entities[e].Name).ToList()) : "")}.";
        if (q.AskedAttribute is not null && AttributeWord(q) is { } word)
            return $"My knowledge base does not give the {word} of that.";
        if (ComparesThingsOfAType(q))
            return $"My knowledge base has no figures that compare one {q.WantedTypes.OrderBy(t => t, StringComparer.Ordinal).First()} with another.";
        return "My knowledge base does not cover that.";
    }

    /// <summary>The word the question used for the attribute it asks ("theme"), as written.</summary>
    private static string? AttributeWord(QuestionAnalysis q) =>
        q.Tokens.FirstOrDefault(t => Lexicon.Term(t) == q.AskedAttribute);

}
