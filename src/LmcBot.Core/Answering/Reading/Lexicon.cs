using System.Globalization;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Reading;

/// <summary>
/// General English question vocabulary: words that carry no subject (stop words), cue words that
/// signal what kind of answer is wanted, and synonyms folded onto one term. The words are data
/// (<see cref="QuestionVocabulary"/>: QuestionVocabulary.yaml and knowledge/synonyms.yaml, whose
/// comments say what each group is for); this class shapes them as the answering code reads them.
/// </summary>
internal static class Lexicon
{
    private static QuestionVocabulary Vocabulary => QuestionVocabulary.Default;

    /// <summary>Words that say nothing about the subject of a question (<c>stop_words</c>).</summary>
    public static readonly HashSet<string> StopWords = StemAll(Vocabulary.Words("stop_words"));

    /// <summary>Words that ask for a date (<c>when_cues</c>).</summary>
    public static readonly HashSet<string> WhenCues = StemAll(Vocabulary.Words("when_cues"));

    /// <summary>Words that ask for a number (<c>quantity_cues</c>).</summary>
    public static readonly HashSet<string> QuantityCues = StemAll(Vocabulary.Words("quantity_cues"));

    /// <summary>Words that ask for an amount of money rather than a count (<c>money_cues</c>).</summary>
    public static readonly HashSet<string> MoneyCues = StemAll(Vocabulary.Words("money_cues"));

    /// <summary>Currency names and codes as figure units write them (<c>currency_units</c>).</summary>
    public static readonly string[] CurrencyUnits = [.. Vocabulary.Words("currency_units")];

    /// <summary>Words that ask for the newest value (<c>latest_cues</c>).</summary>
    public static readonly HashSet<string> LatestCues = StemAll(Vocabulary.Words("latest_cues"));

    /// <summary>Words that ask for a value over time (<c>series_cues</c>).</summary>
    public static readonly HashSet<string> SeriesCues = StemAll(Vocabulary.Words("series_cues"));

    /// <summary>Words that ask for the help text (<c>help_cues</c>).</summary>
    public static readonly HashSet<string> HelpCues = StemAll(Vocabulary.Words("help_cues"));

    /// <summary>Words that greet or thank (<c>greeting_cues</c>).</summary>
    public static readonly HashSet<string> GreetingCues = StemAll(Vocabulary.Words("greeting_cues"));

    /// <summary>Words that point at a kind of fact, for every kind (<c>kind_cues</c>; a kind not listed there has none).</summary>
    public static readonly Dictionary<string, HashSet<string>> KindCues =
        FactKind.All.ToDictionary(k => k.Name, k => StemAll(Vocabulary.KindWords("kind_cues", k.Name)));

    /// <summary>Per cue word, the kinds it points at (<see cref="KindCues"/> turned around).</summary>
    public static readonly Dictionary<string, string[]> KindsCuedBy = KindCues
        .SelectMany(p => p.Value.Select(word => (Word: word, Kind: p.Key)))
        .GroupBy(x => x.Word, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Kind).ToArray(), StringComparer.Ordinal);

    /// <summary>Words for the kind itself, added to each fact's terms, for every kind (<c>kind_vocabulary</c>).</summary>
    public static readonly Dictionary<string, string> KindVocabulary =
        FactKind.All.ToDictionary(k => k.Name, k => string.Join(' ', Vocabulary.KindWords("kind_vocabulary", k.Name)));

    /// <summary>Synonyms folded onto one stem, on both sides (questions and facts): the vocabulary's <c>synonyms</c>, then knowledge/synonyms.yaml's.</summary>
    public static readonly Dictionary<string, string> Synonyms = BuildSynonyms(Vocabulary.Synonyms);

    /// <summary>Generic verbs of activity, stemmed and folded (<c>light_verbs</c>): a fact that does not use the question's verb still answers in full.</summary>
    public static readonly HashSet<string> LightVerbs = StemAll(Vocabulary.Words("light_verbs")).Select(Canonical).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words that ask for every item of a kind (<c>list_cues</c>).</summary>
    public static readonly HashSet<string> ListCues = AsWritten("list_cues");

    /// <summary>Words that ask about what comes next (<c>future_cues</c>).</summary>
    public static readonly HashSet<string> FutureCues = AsWritten("future_cues");

    /// <summary>Words that ask about a name itself (<c>name_cues</c>).</summary>
    public static readonly HashSet<string> NameCues = AsWritten("name_cues");

    /// <summary>Words that compare things (<c>superlative_cues</c>).</summary>
    public static readonly HashSet<string> SuperlativeCues = AsWritten("superlative_cues");

    /// <summary>Common verbs, which an adverbial "first" stands before (<c>common_verbs</c>).</summary>
    public static readonly HashSet<string> CommonVerbs = AsWritten("common_verbs");

    /// <summary>Short question words people mistype (<c>short_question_words</c>).</summary>
    public static readonly string[] ShortQuestionWords = [.. Vocabulary.Words("short_question_words")];

    /// <summary>Words that ask about sister or twin cities (<c>city_pair_cues</c>).</summary>
    public static readonly HashSet<string> CityPairCues = StemAll(Vocabulary.Words("city_pair_cues"));

    /// <summary>Ordinal words and their numbers ("third" and "3rd" are 3; <c>ordinals</c>).</summary>
    public static readonly Dictionary<string, int> Ordinals = Vocabulary.Entries("ordinals")
        .ToDictionary(o => o.Key, o => int.Parse(o.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The ordinals in letters by number (<c>[0]</c> is empty), as answers write them.</summary>
    public static readonly string[] OrdinalWords = [.. Vocabulary.OrdinalWords];

    /// <summary>Offices whose holder changes (<c>office_words</c>): who holds one now is not in the knowledge base.</summary>
    public static readonly HashSet<string> OfficeWords = StemAll(Vocabulary.Words("office_words"));

    /// <summary>Numbers written in letters (<c>number_words</c>), which give a figure as digits do.</summary>
    public static readonly HashSet<string> NumberWords = AsWritten("number_words");

    /// <summary>Words that mark a follow-up to the last answer (<c>follow_up_cues</c>).</summary>
    public static readonly HashSet<string> FollowUpCues = AsWritten("follow_up_cues");

    /// <summary>Words that point back at the last answer's subject (<c>referent_words</c>).</summary>
    public static readonly HashSet<string> ReferentWords = AsWritten("referent_words");

    /// <summary>Whether folded text gives a number: a digit, or a number written in letters.</summary>
    public static bool HasNumber(string folded)
    {
        if (folded.Any(char.IsDigit)) return true;
        var lookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in folded.AsSpan().Split(' '))
            if (lookup.Contains(folded.AsSpan()[range])) return true;
        return false;
    }

    /// <summary>Words that ask specifically about investing (<c>investment_cues</c>).</summary>
    public static readonly HashSet<string> InvestmentCues = StemAll(Vocabulary.Words("investment_cues"));

    /// <summary>Words that ask for causes rather than figures (<c>reason_cues</c>).</summary>
    public static readonly HashSet<string> ReasonCues = StemAll(Vocabulary.Words("reason_cues"));

    /// <summary>Words that name the type of thing a "which/what …" question wants back, stemmed and folded (<c>answer_types</c>).</summary>
    public static readonly Dictionary<string, string> AnswerTypes = BuildAnswerTypes(Vocabulary.Entries("answer_types"));

    private static HashSet<string> AsWritten(string group) => new(Vocabulary.Words(group), StringComparer.Ordinal);

    private static Dictionary<string, string> BuildAnswerTypes(IEnumerable<(string Word, string Type)> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, type) in pairs)
            map[Canonical(Stemmer.Stem(word))] = type;
        return map;
    }

    /// <summary>Whether two sets share a word (<see cref="HashSet{T}.Overlaps"/>, walking the smaller set).</summary>
    public static bool Overlap(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        foreach (var word in small)
            if (large.Contains(word)) return true;
        return false;
    }

    public static string Canonical(string stem) => Synonyms.GetValueOrDefault(stem, stem);

    /// <summary>The stem a folded token contributes, after synonyms.</summary>
    public static string Term(string token) => Canonical(Stemmer.Stem(token));

    private static HashSet<string> StemAll(IEnumerable<string> words) =>
        words.SelectMany(w => new[] { w, Stemmer.Stem(w) })
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> BuildSynonyms(IEnumerable<(string From, string To)> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in pairs)
        {
            var target = Stemmer.Stem(to);
            map[Stemmer.Stem(from)] = target;
        }
        return map;
    }
}
