
namespace LmcBot.Core.Answering.Retrieval;

/// <summary>
/// Stage 4, retrieve candidates from two indexes. Lexical: every fact that names a question entity or
/// holds one of its subject terms, ranked by BM25 plus the entities it names, and every sentence that
/// holds a subject term, ranked the same way; the best <see cref="LexicalFactDepth"/> facts and
/// <see cref="LexicalSentenceDepth"/> sentences go on. Dense: the facts and sentences nearest the
/// question's vector. The scorer sees the union, each with both scores.
/// </summary>
internal static class CandidateRetriever
{
    /// <summary>
    /// Facts and sentences kept from the lexical ranking. Measured: at 80 and 30 the fitted ranker puts the same
    /// candidate first as when every candidate is scored, on every training question the evaluation test tries
    /// (at 40 and 12 it did not); scoring that many costs tens of microseconds.
    /// </summary>
    public const int LexicalFactDepth = 80;

    public const int LexicalSentenceDepth = 30;

    /// <summary>
    /// Facts and sentences kept from the dense ranking: paraphrases that share no word with the question. Set by
    /// hand (a few times the number of facts a question needs); the dense index gives every lexical candidate its
    /// similarity anyway, so these only add candidates.
    /// </summary>
    public const int DenseFactDepth = 12;

    public const int DenseSentenceDepth = 8;

    /// <summary>
    /// What one question entity adds to a fact's lexical rank: a fixed part plus its rarity (<see cref="IndexedEntity.Weight"/>).
    /// Taken over from the first round's engine, where they were set by hand; here they only order candidates for the
    /// depth cut, which the evaluation test checks changes no answer.
    /// </summary>
    private const double EntityBase = 1.5, EntityRarity = 3;

    public static List<Candidate> Lexical(QuestionAnalysis q, KnowledgeIndex index, int factDepth = LexicalFactDepth, int sentenceDepth = LexicalSentenceDepth)
    {
        var facts = new Dictionary<int, double>();
        foreach (var entity in q.EntityIds)
            foreach (var id in index.Entities[entity].Facts) facts.TryAdd(id, 0);
        foreach (var term in q.ContentTerms)
            foreach (var id in index.FactsWithTerm(term)) facts.TryAdd(id, 0);
        foreach (var year in q.Years)
            foreach (var id in index.FactsInYear(year)) facts.TryAdd(id, 0);
        var idf = q.ContentTerms.Select(t => (double)index.FactIdf.GetValueOrDefault(t, 1f)).ToArray();
        var ranked = new List<Candidate>(facts.Count);
        foreach (var id in facts.Keys)
        {
            var fact = index.Facts[id];
            var score = 0.0;
            foreach (var entity in q.EntityIds)
                if (fact.Entities.Contains(entity)) score += EntityBase + EntityRarity * index.Entities[entity].Weight;
            for (var i = 0; i < q.ContentTerms.Count; i++)
                if (fact.Terms.TryGetValue(q.ContentTerms[i], out var tf))
                    score += AnswerEngine.TermWeight((float)idf[i], tf, fact.Length, index.AverageFactLength);
            if (q.Years.Count > 0 && fact.Years.Overlaps(q.Years)) score += 1;
            ranked.Add(new Candidate(fact) { Lexical = score });
        }
        var result = Top(ranked, factDepth);

        var sentences = new HashSet<int>();
        foreach (var term in q.ContentTerms) sentences.UnionWith(index.SentencesWithTerm(term));
        var sentenceIdf = q.ContentTerms.Select(t => (double)index.SentenceIdf.GetValueOrDefault(t, 1f)).ToArray();
        var rankedSentences = new List<Candidate>(sentences.Count);
        foreach (var id in sentences)
        {
            var sentence = index.Sentences[id];
            var score = 0.0;
            for (var i = 0; i < q.ContentTerms.Count; i++)
                if (sentence.Terms.Contains(q.ContentTerms[i])) score += sentenceIdf[i];
            foreach (var entity in q.EntityIds)
                if (sentence.Entities.Contains(entity)) score += EntityBase;
            rankedSentences.Add(new Candidate(sentence) { Lexical = score });
        }
        result.AddRange(Top(rankedSentences, sentenceDepth));
        return result;
    }

    /// <summary>Adds the dense neighbours and gives every candidate its similarity to the question.</summary>
    public static void AddDense(List<Candidate> candidates, ReadOnlySpan<float> query, KnowledgeIndex index)
    {
        var dense = index.Dense;
        if (dense.IsEmpty || query.Length != dense.Facts.Dimensions) return;
        var factSims = dense.Facts.Similarities(query);
        var sentenceSims = dense.Sentences.Similarities(query);
        var present = candidates.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var hit in dense.Facts.Search(query, DenseFactDepth))
        {
            var candidate = new Candidate(index.Facts[hit.Item]);
            if (present.Add(candidate.Key)) candidates.Add(candidate);
        }
        foreach (var hit in dense.Sentences.Search(query, DenseSentenceDepth))
        {
            var candidate = new Candidate(index.Sentences[hit.Item]);
            if (present.Add(candidate.Key)) candidates.Add(candidate);
        }
        foreach (var candidate in candidates)
            candidate.Dense = candidate.Fact is { } fact ? factSims.GetValueOrDefault(fact.Id, 0f) : sentenceSims.GetValueOrDefault(candidate.Sentence!.Id, 0f);
    }

    private static List<Candidate> Top(List<Candidate> ranked, int depth)
    {
        ranked.Sort((a, b) => b.Lexical != a.Lexical ? b.Lexical.CompareTo(a.Lexical) : string.CompareOrdinal(a.Key, b.Key));
        if (ranked.Count > depth) ranked.RemoveRange(depth, ranked.Count - depth);
        for (var i = 0; i < ranked.Count; i++) ranked[i].LexicalRank = i;
        return ranked;
    }
}
