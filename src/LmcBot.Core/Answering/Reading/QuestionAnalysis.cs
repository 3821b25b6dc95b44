
namespace LmcBot.Core.Answering.Reading;

/// <summary>What a question is about and what it asks for, read against the knowledge base's vocabulary.</summary>
internal sealed class QuestionAnalysis
{
    public required string Raw { get; init; }
    /// <summary>What stage 2 resolved (the names, and the canonical English text the sentence model embeds).</summary>
    public required ResolvedNames Names { get; init; }
    /// <summary>The question in English words with names written canonically.</summary>
    public string CanonicalText => Names.CanonicalText;
    /// <summary>Folded tokens, typos corrected to known words.</summary>
    public required string[] Tokens { get; init; }
    public required List<EntityMention> Mentions { get; init; }
    /// <summary>Subject terms: stemmed, synonym-folded, not stop words, not part of an entity name.</summary>
    public required List<string> ContentTerms { get; init; }
    /// <summary>Content words the knowledge base does not know at all.</summary>
    public required List<string> UnknownTerms { get; init; }
    /// <summary>The unknown words that are ordinary English words (<see cref="EnglishWords"/>), not names.</summary>
    public IReadOnlyList<string> UnknownEnglish => _unknownEnglish ??= [.. UnknownTerms.Where(EnglishWords.Contains)];
    private List<string>? _unknownEnglish;

    /// <summary>Capitalised names in the question that match nothing known (Tesla, France).</summary>
    public required List<string> UnknownNames { get; init; }
    public required HashSet<string> AllTerms { get; init; }
    public required List<int> Years { get; init; }
    /// <summary>Ordinals asked about ("first", "3rd").</summary>
    public required List<int> Ordinals { get; init; }
    /// <summary>Folded alias texts the question used for its entities, when not the canonical name ("mlc").</summary>
    public required List<string> AliasTexts { get; init; }
    /// <summary>Adjacent subject words ("first year"), folded, for phrase matches.</summary>
    public required List<string> Phrases { get; init; }
    /// <summary>Numbers the question quotes that are not years, folded with spaces around (" 400 ").</summary>
    public required List<string> Numbers { get; init; }
    /// <summary>The question asks about what comes next ("When is the next summit?", "upcoming meetings").</summary>
    public bool AsksAboutFuture { get; init; }
    /// <summary>An unknown word stands right before a subject word ("ticket price", "market share"): it names what is asked about.</summary>
    public bool UnknownModifiesSubject { get; init; }
    /// <summary>
    /// The attribute a "what is the X of …" question asks for (the term of X), when X is a subject word
    /// and not a number or date cue: an answer must speak of it.
    /// </summary>
    public string? AskedAttribute { get; init; }
    public bool AsksWhen { get; init; }
    public bool AsksQuantity { get; init; }
    public bool WantsLatest { get; init; }
    public bool WantsSeries { get; init; }
    public bool IsHelp { get; init; }
    public bool IsGreeting { get; init; }
    /// <summary>Entity types a "which/what/who …" question wants back (country, city, company, person, agent).</summary>
    public required HashSet<string> WantedTypes { get; init; }

    /// <summary>What the question asks for, read from its question words.</summary>
    public Asked Asked => _asked ??= AskedReading.Of(this);
    private Asked? _asked;

    private int[]? _entityIds;

    /// <summary>The entities mentioned, each once, in order of first mention.</summary>
    public IReadOnlyList<int> EntityIds => _entityIds ??= [.. Mentions.Select(m => m.EntityId).Distinct()];

    private Dictionary<string, int>? _kindHits;

    /// <summary>How many of the question's words cue a kind of fact (at most 2).</summary>
    public double KindAffinity(string kind)
    {
        if (_kindHits is null)
        {
            // One pass over the question's words counts the cues of every kind.
            var hits = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in AllTerms)
                if (Lexicon.KindsCuedBy.TryGetValue(term, out var kinds))
                    foreach (var cued in kinds) hits[cued] = hits.GetValueOrDefault(cued) + 1;
            _kindHits = hits;
        }
        return Math.Min(_kindHits.GetValueOrDefault(kind), 2);
    }

    /// <summary>Stages 1 to 3 in one call (normalise, resolve names, read), for callers that build a question themselves.</summary>
    public static QuestionAnalysis Analyze(string question, KnowledgeIndex index)
    {
        var normalised = QuestionNormalizer.Normalise(question);
        return QuestionReader.Read(normalised, NameResolver.Resolve(normalised, index));
    }
}
