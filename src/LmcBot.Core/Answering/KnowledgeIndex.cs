using System.Globalization;
using System.Text.RegularExpressions;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering;

/// <summary>
/// An immutable in-memory index of the knowledge base, rebuilt after every change: answering reads
/// only this, so it is fast, lock-free and never sees a half-applied edit.
/// </summary>
public sealed partial class KnowledgeIndex
{
    private readonly Dictionary<string, List<int>> _factPostings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _sentencePostings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _entityByName = new(StringComparer.Ordinal);

    private KnowledgeIndex() { }

    internal List<IndexedFact> Facts { get; } = [];
    internal List<IndexedSentence> Sentences { get; } = [];
    internal List<IndexedEntity> Entities { get; } = [];
    internal EntityRecognizer Recognizer { get; } = new();

    /// <summary>
    /// Every alias in a script written without spaces (Chinese, Thai, Lao, Khmer, Burmese), folded, with
    /// its entity's canonical name, longest first: stage 2 replaces them in the question as substrings.
    /// </summary>
    internal List<(string Alias, string Name)> ScriptAliases { get; } = [];
    internal VocabularyCorrector Corrector { get; private set; } = null!;
    internal Dictionary<string, List<int>> Metrics { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, List<int>> Claims { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, KnowledgeDocument> Documents { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, float> FactIdf { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, float> SentenceIdf { get; } = new(StringComparer.Ordinal);
    internal float AverageFactLength { get; private set; } = 1;
    /// <summary>Fields that sort facts of a kind into categories ("leaders' meeting" against "foreign ministers' meeting").</summary>
    internal static readonly string[] CategoryFields = ["type", "status"];

    /// <summary>Kinds whose categorical fields are closed vocabularies (a meeting's type, a city pair's status).</summary>
    internal static readonly HashSet<string> CategoricalKinds = [FactKind.Meeting, FactKind.CityPair];

    /// <summary>Every term of a closed category: a question that names one is constrained by it.</summary>
    internal HashSet<string> AllCategoryTerms { get; } = new(StringComparer.Ordinal);
    /// <summary>Per kind, the terms its facts' categorical fields use.</summary>
    internal Dictionary<string, HashSet<string>> KindCategoryTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Dense retrieval over the facts (items = <see cref="Facts"/> positions) and sentences (items = <see cref="Sentences"/> positions).</summary>
    public Retrieval.DenseKnowledgeIndex Dense { get; private set; } = Retrieval.DenseKnowledgeIndex.Empty;

    public int FactCount => Facts.Count;
    public int SentenceCount => Sentences.Count;
    public int DocumentCount => Documents.Count;
    public IReadOnlyCollection<KnowledgeDocument> AllDocuments => Documents.Values;

    /// <summary>Per term, the most a fact's occurrence of it can add to a question's lexical score (a bound for pruning).</summary>
    internal Dictionary<string, float> MaxTermWeight { get; } = new(StringComparer.Ordinal);

    // Lookups that spare the typed handlers a scan over every fact (each list in index order).
    private readonly Dictionary<string, List<IndexedFact>> _cityPairsByCity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IndexedFact>> _investmentsByInvestor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IndexedFact>> _investmentsByCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IndexedFact>> _routesByName = new(StringComparer.Ordinal);
    internal List<IndexedFact> InvestmentFacts { get; } = [];

    /// <summary>Answers already worked out against this version, by question text (see <see cref="KnowledgeOptions.AnswerCacheSize"/>).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, Chat.Answer> RememberedAnswers { get; } = new(StringComparer.Ordinal);

    /// <summary>An entity in at least this many facts is everywhere: naming it constrains nothing.</summary>
    internal int UbiquitousFactCount => Math.Max(8, Facts.Count / 4);

    /// <summary>Meeting facts, for listing meetings by type.</summary>
    internal List<IndexedFact> MeetingFacts { get; } = [];

    /// <summary>City-pair facts whose <c>city_a</c> or <c>city_b</c> is <paramref name="city"/>.</summary>
    internal IReadOnlyList<IndexedFact> CityPairsOf(string city) => _cityPairsByCity.TryGetValue(city, out var list) ? list : [];
    /// <summary>Investment facts whose <c>investor</c> is <paramref name="investor"/>.</summary>
    internal IReadOnlyList<IndexedFact> InvestmentsBy(string investor) => _investmentsByInvestor.TryGetValue(investor, out var list) ? list : [];
    /// <summary>Investment facts whose <c>country</c> is <paramref name="country"/>.</summary>
    internal IReadOnlyList<IndexedFact> InvestmentsIn(string country) => _investmentsByCountry.TryGetValue(country, out var list) ? list : [];
    /// <summary>Route facts whose <c>name</c> is <paramref name="route"/>.</summary>
    internal IReadOnlyList<IndexedFact> RoutesNamed(string route) => _routesByName.TryGetValue(route, out var list) ? list : [];

    // Answers that depend on the index alone, computed on first use (the index never changes).
    private readonly IReadOnlyList<string>?[] _values = new IReadOnlyList<string>?[Enum.GetValues<Knowledge.CompletionSource>().Length];
    private List<string>? _topics;
    private List<FollowUp>? _exampleFollowUps;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _metricLabels = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<IndexedFact>> _seriesPoints = new(StringComparer.Ordinal);

    /// <summary>A metric's label in the words its facts use (<see cref="AnswerFormatting.MetricLabel"/> over the whole series).</summary>
    internal string MetricLabel(string metric) =>
        _metricLabels.GetOrAdd(metric, m => AnswerFormatting.MetricLabel(m, Metrics[m].Select(i => Facts[i].Fact)));

    /// <summary>A metric series' points, worked out once per metric by <paramref name="compute"/>.</summary>
    internal List<IndexedFact> CachedSeriesPoints(string metric, Func<List<IndexedFact>, List<IndexedFact>> compute) =>
        _seriesPoints.GetOrAdd(metric, m => compute(Metrics[m].Select(i => Facts[i]).ToList()));

    internal List<string> CachedTopics(Func<KnowledgeIndex, List<string>> compute) =>
        LazyInitializer.EnsureInitialized(ref _topics, () => compute(this));

    internal List<FollowUp> CachedExampleFollowUps(Func<KnowledgeIndex, List<FollowUp>> compute) =>
        LazyInitializer.EnsureInitialized(ref _exampleFollowUps, () => compute(this));

    private Dictionary<int, List<int>>? _factsByYear;

    /// <summary>The facts dated in a year (by a date field or, for undated facts, their statement), in fact order.</summary>
    internal IReadOnlyList<int> FactsInYear(int year)
    {
        var byYear = Volatile.Read(ref _factsByYear);
        if (byYear is null)
        {
            byYear = new Dictionary<int, List<int>>();
            foreach (var fact in Facts)
                foreach (var y in fact.Years)
                {
                    if (!byYear.TryGetValue(y, out var list)) byYear[y] = list = [];
                    list.Add(fact.Id);
                }
            Volatile.Write(ref _factsByYear, byYear);
        }
        return byYear.TryGetValue(year, out var found) ? found : [];
    }

    internal IReadOnlyList<int> FactsWithTerm(string term) => _factPostings.TryGetValue(term, out var list) ? list : [];
    internal IReadOnlyList<int> SentencesWithTerm(string term) => _sentencePostings.TryGetValue(term, out var list) ? list : [];
    /// <summary>A word the knowledge base (or the question vocabulary) knows, as written or by its stem.</summary>
    internal bool IsKnownWord(string token)
    {
        if (Corrector.Contains(token)) return true;
        var term = Lexicon.Term(token);
        // A stem of three letters does not vouch for a longer word: "chaing" (Chiang, misspelt) is not "cha".
        if (term.Length < 4 && token.Length >= 5) return Lexicon.StopWords.Contains(term);
        return _factPostings.ContainsKey(term) || _sentencePostings.ContainsKey(term) || Lexicon.StopWords.Contains(term);
    }

    private Dictionary<string, IndexedFact>? _factById;

    /// <summary>The active fact with that id, or null.</summary>
    internal IndexedFact? FactNamed(string id)
    {
        var byId = Volatile.Read(ref _factById);
        if (byId is null) Volatile.Write(ref _factById, byId = Facts.ToDictionary(f => f.Fact.Id, StringComparer.Ordinal));
        return byId.GetValueOrDefault(id);
    }

    internal IndexedEntity? EntityNamed(string name) => _entityByName.TryGetValue(name, out var id) ? Entities[id] : null;

    public static KnowledgeIndex Build(KnowledgeContent content)
    {
        var index = new KnowledgeIndex();
        foreach (var document in content.Documents) index.Documents[document.Id] = document;
        var active = content.Facts.Where(f => !f.Removed).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

        // Entities: declared ones with their aliases, then every name a fact uses.
        foreach (var entity in content.Entities)
        {
            var indexed = index.EntityFor(entity.Name, entity.Type);
            indexed.Type = entity.Type;
            indexed.Names.AddRange(entity.Aliases);
        }
        foreach (var fact in active)
            foreach (var name in KnowledgeFolderReader.UsedEntityNames([fact]))
                index.EntityFor(name, GuessType(fact, name));
        foreach (var entity in index.Entities)
            foreach (var name in entity.Names)
                index.Recognizer.Add(name, entity.Id);
        index.Recognizer.Seal();
        foreach (var entity in index.Entities)
            foreach (var name in entity.Names)
                if (TextFolding.Fold(name) is { Length: > 0 } folded && folded.Any(c => c > 0x0E00 && !(c >= 0x1E00 && c <= 0x1EFF)))
                    index.ScriptAliases.Add((folded, entity.Name));
        index.ScriptAliases.Sort((a, b) => b.Alias.Length != a.Alias.Length ? b.Alias.Length.CompareTo(a.Alias.Length) : string.CompareOrdinal(a.Alias, b.Alias));

        // Facts.
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fact in active)
        {
            var indexed = new IndexedFact(index.Facts.Count, fact);
            index.Facts.Add(indexed);
            index.IndexFact(indexed, frequency);
        }
        foreach (var entity in index.Entities)
            entity.Weight = 1.0 / (1.0 + Math.Log(1 + entity.Facts.Count));
        foreach (var fact in index.Facts)
        {
            if (!index.KindCategoryTerms.TryGetValue(fact.Fact.Kind, out var terms))
                index.KindCategoryTerms[fact.Fact.Kind] = terms = new HashSet<string>(StringComparer.Ordinal);
            terms.UnionWith(fact.CategoryTerms);
            index.AllCategoryTerms.UnionWith(fact.CategoryTerms);
        }
        // Words every category shares ("meeting") constrain nothing.
        foreach (var (kind, terms) in index.KindCategoryTerms)
        {
            var categorised = index.Facts.Where(f => f.Fact.Kind == kind && f.CategoryTerms.Count > 0).ToList();
            terms.RemoveWhere(t => categorised.All(f => f.CategoryTerms.Contains(t)));
        }
        index.AllCategoryTerms.IntersectWith(index.KindCategoryTerms.Values.SelectMany(t => t));

        // Sentences.
        foreach (var sentence in content.Sentences)
        {
            if (!index.Documents.TryGetValue(sentence.DocumentId, out var document)) continue;
            var indexed = new IndexedSentence(index.Sentences.Count, sentence.Text, sentence.DocumentId);
            var tokens = TextFolding.Tokens(sentence.Text);
            foreach (var token in tokens)
            {
                indexed.Terms.Add(Lexicon.Term(token));
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
            }
            foreach (var mention in index.Recognizer.Recognize(tokens)) indexed.Entities.Add(mention.EntityId);
            var paragraph = document.Paragraphs().ElementAtOrDefault(sentence.Paragraph);
            indexed.Citation = CitationFor(document, paragraph, sentence.Text);
            indexed.GradeRank = SourceGrade.Rank(indexed.Citation.Grade);
            index.Sentences.Add(indexed);
            foreach (var term in indexed.Terms) Post(index._sentencePostings, term, indexed.Id);
        }

        foreach (var entity in index.Entities)
            foreach (var name in entity.Names)
                foreach (var token in TextFolding.Tokens(name))
                    frequency[token] = frequency.GetValueOrDefault(token) + 1;
        foreach (var word in Lexicon.StopWords) frequency.TryAdd(word, 1);
        foreach (var cues in Lexicon.KindCues.Values)
            foreach (var word in cues) frequency.TryAdd(word, 1);
        foreach (var set in new[] { Lexicon.WhenCues, Lexicon.QuantityCues, Lexicon.LatestCues, Lexicon.SeriesCues, Lexicon.HelpCues, Lexicon.GreetingCues })
            foreach (var word in set) frequency.TryAdd(word, 1);
        index.Corrector = new VocabularyCorrector(frequency, word => !Lexicon.StopWords.Contains(word));

        ComputeIdf(index._factPostings, index.Facts.Count, index.FactIdf);
        ComputeIdf(index._sentencePostings, index.Sentences.Count, index.SentenceIdf);
        index.AverageFactLength = index.Facts.Count == 0 ? 1 : index.Facts.Average(f => f.Length);
        foreach (var list in index.Metrics.Values)
            list.Sort((a, b) => string.CompareOrdinal(index.Facts[a].Fact.SortDate() ?? "", index.Facts[b].Fact.SortDate() ?? ""));
        index.IndexForAnswering();
        index.Dense = Retrieval.DenseKnowledgeIndex.Build(content.Vectors, index.Facts.Select(f => f.Fact), index.Sentences.Select(s => s.Text));
        return index;
    }

    /// <summary>The position of a kind in <see cref="FactKind.All"/>, or -1.</summary>
    internal static int KindIndexOf(string kind)
    {
        for (var i = 0; i < FactKind.All.Count; i++)
            if (FactKind.All[i].Name == kind) return i;
        return -1;
    }

    /// <summary>Per-fact flags, per-term score bounds and the typed handlers' lookups.</summary>
    private void IndexForAnswering()
    {
        foreach (var fact in Facts)
        {
            fact.HasReasonTerm = fact.Terms.Keys.Any(Lexicon.ReasonCues.Contains);
            fact.KindCategories = KindCategoryTerms.GetValueOrDefault(fact.Fact.Kind);
            fact.KindIndex = KindIndexOf(fact.Fact.Kind);
            fact.NameField = fact.Fact.Get("name");
            fact.InvestorField = fact.Fact.Get("investor");
            fact.SubjectField = fact.Fact.Get("subject");
            fact.Introduces = fact.Fact.Keywords.Any(k => k.Equals("what is", StringComparison.OrdinalIgnoreCase));
            foreach (var (term, tf) in fact.Terms)
            {
                var weight = AnswerEngine.TermWeight(FactIdf.GetValueOrDefault(term, 1f), tf, fact.Length, AverageFactLength);
                if (!MaxTermWeight.TryGetValue(term, out var max) || weight > max) MaxTermWeight[term] = weight;
            }
            switch (fact.Fact.Kind)
            {
                case FactKind.CityPair:
                    foreach (var id in fact.Entities) Entities[id].InCityPair = true;
                    var cityA = fact.Fact.Get("city_a");
                    var cityB = fact.Fact.Get("city_b");
                    if (cityA is not null) Add(_cityPairsByCity, cityA, fact);
                    if (cityB is not null && cityB != cityA) Add(_cityPairsByCity, cityB, fact);
                    break;
                case FactKind.Meeting:
                    MeetingFacts.Add(fact);
                    break;
                case FactKind.Investment:
                    InvestmentFacts.Add(fact);
                    if (fact.Fact.Get("investor") is { } investor) Add(_investmentsByInvestor, investor, fact);
                    if (fact.Fact.Get("country") is { } country) Add(_investmentsByCountry, country, fact);
                    break;
                case FactKind.Route:
                    if (fact.Fact.Get("name") is { } route) Add(_routesByName, route, fact);
                    break;
            }
        }

        static void Add(Dictionary<string, List<IndexedFact>> lookup, string key, IndexedFact fact)
        {
            if (!lookup.TryGetValue(key, out var list)) lookup[key] = list = [];
            list.Add(fact);
        }
    }

    private IndexedEntity EntityFor(string name, string type)
    {
        if (_entityByName.TryGetValue(name, out var id)) return Entities[id];
        var entity = new IndexedEntity(Entities.Count, name, type);
        entity.Names.Add(name);
        Entities.Add(entity);
        _entityByName[name] = entity.Id;
        return entity;
    }

    private static string GuessType(Fact fact, string name) => fact.Kind switch
    {
        FactKind.CityPair when fact.Get("city_a") == name || fact.Get("city_b") == name => "city",
        FactKind.Investment when fact.Get("country") == name => "country",
        FactKind.Investment when fact.Get("investor") == name => "company",
        FactKind.Route when fact.Get("name") == name => "route",
        _ => "thing",
    };

    private void IndexFact(IndexedFact indexed, Dictionary<string, int> frequency)
    {
        var fact = indexed.Fact;
        var kind = FactKind.Find(fact.Kind);
        void AddText(string? text, float weight)
        {
            if (string.IsNullOrEmpty(text)) return;
            foreach (var token in TextFolding.Tokens(text))
            {
                var term = Lexicon.Term(token);
                indexed.Terms[term] = indexed.Terms.GetValueOrDefault(term) + weight;
                indexed.Length += weight;
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
            }
        }
        AddText(fact.Statement, 1f);
        indexed.FoldedStatement = " " + TextFolding.Fold(fact.Statement) + " ";
        foreach (var field in CategoricalKinds.Contains(fact.Kind) ? CategoryFields : [])
            foreach (var value in fact.GetList(field))
                foreach (var token in TextFolding.Tokens(value))
                    indexed.CategoryTerms.Add(Lexicon.Term(token));
        AddText(fact.Quote, 0.3f);
        foreach (var keyword in fact.Keywords) AddText(keyword, 1f);
        foreach (var (name, values) in fact.Fields)
        {
            AddText(name.Replace('_', ' '), 0.4f);
            foreach (var value in values) AddText(value, 0.6f);
        }
        AddText(Lexicon.KindVocabulary.GetValueOrDefault(fact.Kind), 0.4f);
        foreach (var term in indexed.Terms.Keys) Post(_factPostings, term, indexed.Id);

        foreach (var name in KnowledgeFolderReader.UsedEntityNames([fact]))
            if (_entityByName.TryGetValue(name, out var id)) indexed.Entities.Add(id);
        foreach (var mention in Recognizer.Recognize(TextFolding.Tokens(fact.Statement)))
            indexed.Entities.Add(mention.EntityId);
        foreach (var id in indexed.Entities) Entities[id].Facts.Add(indexed.Id);

        if (kind is not null)
            foreach (var field in kind.Fields.Where(f => f.IsDate))
                if (fact.Get(field.Name) is { Length: >= 4 } date && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                    indexed.Years.Add(year);
        // A fact with no date field (a note, an outcome) is dated by the years its statement gives.
        if (indexed.Years.Count == 0)
            foreach (Match match in StatementYear().Matches(fact.Statement))
                indexed.Years.Add(int.Parse(match.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture));
        if (fact.Kind == FactKind.Figure && fact.Get("metric") is { } metric)
            Post(Metrics, metric, indexed.Id);
        if (fact.Claim is { Length: > 0 } claim)
            Post(Claims, claim, indexed.Id);

        indexed.Citation = CitationFor(fact, Documents);
        indexed.GradeRank = SourceGrade.Rank(indexed.Citation?.Grade);
    }

    internal static Citation? CitationFor(Fact fact, IReadOnlyDictionary<string, KnowledgeDocument> documents)
    {
        if (fact.AdminNote)
            return new Citation("admin-note", "Admin note", fact.Statement) { Grade = SourceGrade.Admin };
        if (fact.SourceUrl is { Length: > 0 } url)
        {
            var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
            return new Citation("web", host, fact.Quote ?? "") { Url = url, Grade = SourceGrade.Secondary };
        }
        if (fact.DocumentId is null || !documents.TryGetValue(fact.DocumentId, out var document)) return null;
        var paragraph = fact.Quote is null ? null : FactValidator.FindQuote(document, fact.Quote);
        return CitationFor(document, paragraph, fact.Quote ?? "");
    }

    private static Citation CitationFor(KnowledgeDocument document, DocumentParagraph? paragraph, string quote)
    {
        var source = paragraph is null
            ? new DocumentSource { Grade = document.Grade, Url = document.Url, Date = document.Published }
            : document.SourcesOf(paragraph)[0];
        return new Citation(document.Id, document.Title, quote)
        {
            Grade = source.Grade,
            SourceDate = source.Date,
            Url = source.Url ?? document.Url,
            Publisher = source.Publisher,
        };
    }

    private static void Post(Dictionary<string, List<int>> postings, string key, int id)
    {
        if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
        if (list.Count == 0 || list[^1] != id) list.Add(id);
    }

    private static void ComputeIdf(Dictionary<string, List<int>> postings, int count, Dictionary<string, float> idf)
    {
        foreach (var (term, list) in postings)
            idf[term] = (float)Math.Log(1 + (count - list.Count + 0.5) / (list.Count + 0.5));
    }

    /// <summary>Values for option completion, from the knowledge base (computed once per index).</summary>
    public IReadOnlyList<string> Values(Knowledge.CompletionSource source)
    {
        var slot = (int)source;
        if ((uint)slot >= (uint)_values.Length) return ComputeValues(source);
        return Volatile.Read(ref _values[slot]) ?? Interlocked.CompareExchange(ref _values[slot], ComputeValues(source).AsReadOnly(), null) ?? _values[slot]!;
    }

    private List<string> ComputeValues(Knowledge.CompletionSource source) => source switch
    {
        Knowledge.CompletionSource.Routes => Facts.Where(f => f.Fact.Kind == FactKind.Route).Select(f => f.Fact.Get("name")!).Distinct().Order().ToList(),
        Knowledge.CompletionSource.Cities => Entities.Where(e => e.Type is "city" or "district" or "province")
            .Select(e => e.Name)
            .Concat(Facts.Where(f => f.Fact.Kind == FactKind.CityPair).SelectMany(f => new[] { f.Fact.Get("city_a")!, f.Fact.Get("city_b")! }))
            .Distinct().Order().ToList(),
        Knowledge.CompletionSource.Countries => Entities.Where(e => e.Type == "country").Select(e => e.Name)
            .Concat(Facts.Where(f => f.Fact.Kind == FactKind.Investment).Select(f => f.Fact.Get("country")!))
            .Distinct().Order().ToList(),
        Knowledge.CompletionSource.Sectors => Facts.Where(f => f.Fact.Kind == FactKind.Investment).Select(f => f.Fact.Get("sector")!).Distinct().Order().ToList(),
        Knowledge.CompletionSource.FactIds => Facts.Select(f => f.Fact.Id).Order().ToList(),
        Knowledge.CompletionSource.FactKinds => FactKind.All.Select(k => k.Name).ToList(),
        Knowledge.CompletionSource.Metrics => Metrics.Keys.Order().ToList(),
        _ => [],
    };

    /// <summary>A year from 1900 to 2099 standing alone in a statement ("in 2020", "2018-2022").</summary>
    [GeneratedRegex(@"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)")]
    private static partial Regex StatementYear();
}
