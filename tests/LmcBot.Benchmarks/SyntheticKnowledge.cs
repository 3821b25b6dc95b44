using System.Globalization;
using System.Text;
using LmcBot.Core.Knowledge;

namespace LmcBot.Benchmarks;

/// <summary>
/// A deterministic synthetic knowledge base of a given size: thousands of made-up cities, companies,
/// places, people, routes and organisations (with aliases, some in Thai script), facts of every common
/// kind (routes with stops, investments, city pairs, figure series, places, numbered meetings, notes),
/// and document sentences that hold the statements the facts quote plus narrative filler. Facts cite a
/// document with a quote that occurs in it, or a web page with a quote; nothing is an admin note.
/// </summary>
internal sealed class SyntheticKnowledge
{
    public const int DefaultSentences = 20_000;
    private const int DocumentCount = 50;
    /// <summary>At most this many facts are written into the documents (and cite them); the rest cite web pages.</summary>
    private const int MaxDocumentFacts = 10_000;

    private static readonly string[] Syllables =
    [
        "ban", "na", "khon", "phu", "luang", "mai", "chi", "ang", "lam", "pang", "vien", "sa", "van", "thong", "kham", "nong",
        "bo", "ten", "muang", "xai", "don", "hat", "nam", "tha", "khe", "sop", "pak", "bua", "dao", "hin", "kaeng", "la",
        "mo", "nua", "ou", "phon", "rai", "sing", "tai", "udom", "vang", "yen", "ha", "hong", "lin", "quan", "song", "tan",
        "thuy", "vinh", "yun", "pu", "jing", "mei", "ruo", "xi", "ko", "kra", "lop", "suan", "phra", "sak", "chan", "binh",
    ];
    private static readonly string[] ThaiSyllables = ["ลู", "อัง", "พา", "บาง", "คอน", "เวียง", "สาม", "ตา", "น้อย", "แม่", "หัว", "ดอน", "ท่า", "นา", "ภู", "ชัย"];
    private static readonly string[] Industries = ["Solar", "Motors", "Rubber", "Cement", "Power", "Logistics", "Agro", "Mining", "Textile", "Battery", "Steel", "Digital"];
    private static readonly string[] CompanySuffixes = ["Group", "Holdings", "Corporation", "Industries", "Company"];
    private static readonly string[] PlaceTypes = ["Dry Port", "Logistics Hub", "Research Centre", "Industrial Park", "Border Gate", "Training Centre"];
    private static readonly string[] PlaceRoles = ["freight transfer point", "customs clearance centre", "research base for river ecology", "export processing zone", "vocational training base", "cold-chain storage centre"];
    private static readonly string[] SeriesKinds = ["River Commission", "Basin Forum", "Corridor Council", "Water Dialogue"];
    private static readonly string[] MeetingTypes = ["leaders' meeting", "foreign ministers' meeting", "senior officials' meeting", "working group meeting"];
    private static readonly (string Plural, string Status)[] PairStatuses =
        [("sister cities", "sister city"), ("friendship cities", "friendship city"), ("partner cities", "partner city"), ("sister provinces", "sister province")];
    private static readonly (string Measure, string Unit)[] Measures =
    [
        ("trade", "USD million"), ("exports", "USD million"), ("imports", "USD million"), ("tourist arrivals", "visitors"),
        ("freight volume", "tonnes"), ("passenger numbers", "passengers"), ("rice exports", "tonnes"), ("electricity sales", "GWh"),
    ];
    private static readonly string[] Sectors = ["electric vehicle", "solar panel", "rubber processing", "cement", "hydropower", "battery", "textile", "fertilizer"];
    private static readonly string[] Festivals = ["boat racing", "lantern", "rice harvest", "water", "coffee", "silk weaving"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Grades = [SourceGrade.Official, SourceGrade.Wire, SourceGrade.Encyclopedic, SourceGrade.Article];
    private static readonly (string Name, string[] Aliases)[] Countries =
    [
        ("China", ["PRC", "Chinese", "中国"]), ("Cambodia", ["Cambodian", "柬埔寨"]), ("Laos", ["Lao PDR", "Lao", "老挝"]),
        ("Myanmar", ["Burma", "缅甸"]), ("Thailand", ["Thai", "泰国", "ไทย"]), ("Vietnam", ["Viet Nam", "越南"]),
    ];

    private readonly Random _random;
    private readonly HashSet<string> _usedNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Entity> _entities = [];
    private readonly List<string> _cities = [];
    private readonly List<string> _companies = [];
    private readonly List<string> _people = [];
    private readonly List<string> _series = [];
    private readonly List<(string Name, string City, string Type)> _places = [];
    private readonly List<(string Name, string A, string B)> _routes = [];
    private readonly Dictionary<string, string> _thaiAlias = new(StringComparer.Ordinal);
    private readonly List<Fact> _facts = [];

    private SyntheticKnowledge(int seed) => _random = new Random(seed);

    public KnowledgeContent Content { get; private set; } = null!;

    /// <summary>About fifty questions of every sort the engine handles, about things this knowledge base holds.</summary>
    public IReadOnlyList<string> Questions { get; private set; } = [];

    public int EntityCount => Content.Entities.Count;

    public static SyntheticKnowledge Generate(int factCount, int sentenceCount = DefaultSentences, int seed = 20260101)
    {
        var g = new SyntheticKnowledge(seed);
        g.MakeEntities(Math.Max(1000, factCount / 5));
        g.MakeFacts(factCount);
        var (documents, sentences) = g.MakeDocuments(sentenceCount);
        g.Content = new KnowledgeContent(g._facts, documents, sentences, g._entities);
        g.Questions = g.MakeQuestions();
        return g;
    }

    // ------------------------------------------------------------------ names

    /// <summary>A made-up word of two or three syllables (words repeat across names; full names do not).</summary>
    private string Word(int minSyllables = 2, int maxSyllables = 3)
    {
        while (true)
        {
            var count = _random.Next(minSyllables, maxSyllables + 1);
            var sb = new StringBuilder();
            for (var i = 0; i < count; i++) sb.Append(Syllables[_random.Next(Syllables.Length)]);
            var word = sb.ToString();
            if (word.Length < 5 || Lexicon.StopWords.Contains(word)) continue;
            return char.ToUpperInvariant(word[0]) + word[1..];
        }
    }

    /// <summary>A name no other entity has.</summary>
    private string UniqueName(Func<string> make)
    {
        while (true)
            if (make() is var name && _usedNames.Add(name))
                return name;
    }

    private string ThaiWord()
    {
        var sb = new StringBuilder();
        var count = _random.Next(2, 4);
        for (var i = 0; i < count; i++) sb.Append(ThaiSyllables[_random.Next(ThaiSyllables.Length)]);
        return sb.ToString();
    }

    private void AddEntity(string name, string type, params string[] aliases) =>
        _entities.Add(new Entity { Name = name, Type = type, Aliases = [.. aliases], Origin = KnowledgeOrigin.Shipped });

    private void MakeEntities(int pool)
    {
        foreach (var (name, aliases) in Countries) AddEntity(name, "country", aliases);
        var cityCount = pool * 40 / 100;
        for (var i = 0; i < cityCount; i++)
        {
            var name = UniqueName(() => _random.Next(4) == 0 ? $"{Word(1, 2)} {Word()}" : Word());
            var aliases = new List<string>();
            if (_random.Next(10) < 3) aliases.Add(name.Contains(' ') ? name.Split(' ')[1] + " City" : name + " City");
            if (_random.Next(10) == 0)
            {
                var thai = ThaiWord();
                if (_thaiAlias.Values.All(t => t != thai))
                {
                    aliases.Add(thai);
                    _thaiAlias[name] = thai;
                }
            }
            _cities.Add(name);
            AddEntity(name, "city", [.. aliases]);
        }
        var companyCount = pool * 20 / 100;
        for (var i = 0; i < companyCount; i++)
        {
            string word = "", industry = "";
            var name = UniqueName(() =>
            {
                word = Word();
                industry = Industries[_random.Next(Industries.Length)];
                return $"{word} {industry} {CompanySuffixes[_random.Next(CompanySuffixes.Length)]}";
            });
            _companies.Add(name);
            AddEntity(name, "company", $"{word} {industry}");
        }
        var placeCount = pool * 15 / 100;
        var placeNames = new HashSet<string>(StringComparer.Ordinal);
        while (_places.Count < placeCount)
        {
            var city = _cities[_random.Next(_cities.Count)];
            var type = PlaceTypes[_random.Next(PlaceTypes.Length)];
            var name = $"{city} {type}";
            if (!placeNames.Add(name)) continue;
            _places.Add((name, city, type));
            AddEntity(name, "place", type == "Dry Port" ? $"{city} Inland Port" : $"{city} {type.Split(' ')[0]}");
        }
        var peopleCount = pool * 10 / 100;
        for (var i = 0; i < peopleCount; i++)
        {
            var name = UniqueName(() => $"{Word(1, 2)} {Word()}");
            _people.Add(name);
            AddEntity(name, "person");
        }
        var routeCount = pool * 10 / 100;
        var routeNames = new HashSet<string>(StringComparer.Ordinal);
        while (_routes.Count < routeCount)
        {
            var a = _cities[_random.Next(_cities.Count)];
            var b = _cities[_random.Next(_cities.Count)];
            if (a == b) continue;
            var name = $"{a}-{b} {(_random.Next(2) == 0 ? "Express" : "Railway")}";
            if (!routeNames.Add(name)) continue;
            _routes.Add((name, a, b));
            var code = (Initials(a) + Initials(b)).ToUpperInvariant() + "X" + _routes.Count.ToString(CultureInfo.InvariantCulture);
            AddEntity(name, "route", code);
        }
        var seriesCount = Math.Max(20, pool / 100);
        for (var i = 0; i < seriesCount; i++)
        {
            var name = UniqueName(() => $"{Word()} {SeriesKinds[i % SeriesKinds.Length]}");
            _series.Add(name);
            AddEntity(name, "organisation");
        }
    }

    private static string Initials(string name) => new(name.Split(' ').Select(w => w[0]).ToArray());

    // ------------------------------------------------------------------ facts

    private T Pick<T>(IReadOnlyList<T> list) => list[_random.Next(list.Count)];

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private Fact NewFact(string kind, string statement, params (string Field, string[] Values)[] fields)
    {
        var fact = new Fact
        {
            Id = $"syn-{kind}-{_facts.Count.ToString("D6", CultureInfo.InvariantCulture)}",
            Kind = kind,
            Statement = statement,
            Origin = KnowledgeOrigin.Shipped,
        };
        foreach (var (field, values) in fields) fact.Fields[field] = [.. values];
        _facts.Add(fact);
        return fact;
    }

    private void MakeFacts(int count)
    {
        // Kinds in a fixed rotation (per 50 facts): 4 route, 8 investment, 7 city pair, 15 figure, 6 place, 4 meeting, 6 note.
        string[] rotation =
        [
            .. Enumerable.Repeat(FactKind.Route, 4), .. Enumerable.Repeat(FactKind.Investment, 8), .. Enumerable.Repeat(FactKind.CityPair, 7),
            .. Enumerable.Repeat(FactKind.Figure, 15), .. Enumerable.Repeat(FactKind.Place, 6), .. Enumerable.Repeat(FactKind.Meeting, 4),
            .. Enumerable.Repeat(FactKind.Note, 6),
        ];
        var routeIndex = 0;
        var placeIndex = 0;
        var meetingNumbers = new Dictionary<(string, string), int>();
        var metrics = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (_facts.Count < count)
        {
            var kind = rotation[i++ % rotation.Length];
            switch (kind)
            {
                case FactKind.Route:
                {
                    var (name, a, b) = _routes[routeIndex++ % _routes.Count];
                    var via = Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Pick(_cities)).Where(c => c != a && c != b).Distinct().ToList();
                    var length = _random.Next(80, 1400);
                    var year = _random.Next(2012, 2026);
                    var operatorName = Pick(_companies);
                    NewFact(kind, $"The {name} runs from {a} via {string.Join(", ", via)} to {b}, about {length} km, and started in {year}.",
                        ("name", [name]), ("stops", [a, .. via, b]), ("operator", [operatorName]), ("launched", [Year(year)]),
                        ("length_km", [length.ToString(CultureInfo.InvariantCulture)]), ("mode", [name.EndsWith("Express", StringComparison.Ordinal) ? "freight train" : "passenger train"]));
                    break;
                }
                case FactKind.Investment:
                {
                    var company = Pick(_companies);
                    var country = Countries[1 + _random.Next(Countries.Length - 1)].Name;
                    var sector = Pick(Sectors);
                    var city = Pick(_cities);
                    var year = _random.Next(2010, 2026);
                    var capacity = $"{_random.Next(5, 500) * 1000} units a year";
                    var fact = NewFact(kind, $"{company} opened a {sector} plant in {city}, {country}, in {year}, with a capacity of {capacity}.",
                        ("investor", [company]), ("country", [country]), ("sector", [sector]), ("place", [city]),
                        ("opened", [Year(year)]), ("capacity", [capacity]));
                    if (_random.Next(3) == 0) fact.Keywords = ["factory", "manufacturing"];
                    break;
                }
                case FactKind.CityPair:
                {
                    var a = Pick(_cities);
                    var b = Pick(_cities);
                    if (a == b) continue;
                    var (plural, status) = Pick(PairStatuses);
                    var year = _random.Next(1990, 2026);
                    NewFact(kind, $"{a} and {b} became {plural} in {year}.",
                        ("city_a", [a]), ("city_b", [b]), ("status", [status]), ("date", [Year(year)]));
                    break;
                }
                case FactKind.Figure:
                {
                    // A whole series at once: one metric over consecutive years.
                    var subject = _random.Next(3) switch { 0 => Pick(_cities), 1 => Pick(_companies), _ => Pick(_routes).Name };
                    var (measure, unit) = Pick(Measures);
                    var metric = Slug($"{subject} {measure}");
                    if (!metrics.Add(metric)) continue;
                    var start = _random.Next(2012, 2020);
                    var points = _random.Next(3, 8);
                    var value = _random.Next(50, 5000) * 1.0;
                    for (var p = 0; p < points && _facts.Count < count; p++)
                    {
                        var year = start + p;
                        var text = unit.StartsWith("USD", StringComparison.Ordinal) ? $"USD {Number(value)} million" : $"{Number(value)} {unit}";
                        var fact = NewFact(kind, $"{subject} {measure} was {text} in {year}.",
                            ("metric", [metric]), ("value", [Number(value)]), ("unit", [unit]), ("year", [Year(year)]), ("subject", [subject]));
                        if (p > 0) fact.Fields["change"] = [$"+{_random.Next(1, 30)}%"];
                        value = Math.Round(value * (1 + _random.Next(-10, 30) / 100.0), 1);
                    }
                    i += points - 1;
                    break;
                }
                case FactKind.Place:
                {
                    var (name, city, type) = _places[placeIndex++ % _places.Count];
                    var year = _random.Next(2000, 2026);
                    var role = Pick(PlaceRoles);
                    NewFact(kind, $"The {name} in {city} opened in {year} and serves as a {role}.",
                        ("name", [name]), ("type", [type.ToLowerInvariant()]), ("location", [city]), ("opened", [Year(year)]), ("role", [role]));
                    break;
                }
                case FactKind.Meeting:
                {
                    var series = Pick(_series);
                    var type = Pick(MeetingTypes);
                    var number = meetingNumbers.GetValueOrDefault((series, type)) + 1;
                    if (number > 12) continue;
                    meetingNumbers[(series, type)] = number;
                    var city = Pick(_cities);
                    var date = new DateOnly(_random.Next(2010, 2026), _random.Next(1, 13), _random.Next(1, 29)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var chairs = new[] { Pick(_people), Pick(_people) };
                    var ordinal = Lexicon.OrdinalWords[number];
                    var fact = NewFact(kind, $"The {ordinal} {series} {type} was held in {city} on {date}, co-chaired by {chairs[0]} and {chairs[1]}.",
                        ("name", [$"{char.ToUpperInvariant(ordinal[0]) + ordinal[1..]} {series} {type}"]), ("type", [type]),
                        ("number", [number.ToString(CultureInfo.InvariantCulture)]), ("date", [date]), ("place", [city]), ("co_chairs", chairs));
                    fact.About = [series];
                    break;
                }
                default:
                {
                    var fact = _random.Next(3) switch
                    {
                        0 => NoteAbout(Pick(_cities), c => $"{c} hosts a {Pick(Festivals)} festival every {Pick(Months)}."),
                        1 => NoteAbout(Pick(_companies), c => $"{c} employs about {_random.Next(2, 90) * 100} people in {Pick(_cities)}."),
                        _ => NoteAbout(Pick(_places).Name, p => $"The {p} handles about {_random.Next(2, 400) * 10} containers a day."),
                    };
                    fact.Keywords = _random.Next(2) == 0 ? ["jobs", "local economy"] : [];
                    break;
                }
            }
        }
    }

    private Fact NoteAbout(string subject, Func<string, string> statement) =>
        NewFact(FactKind.Note, statement(subject), ("subject", [subject]));

    private static string Slug(string text) =>
        string.Join('-', text.ToLowerInvariant().Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries));

    // ------------------------------------------------------------------ documents and citations

    private (List<KnowledgeDocument> Documents, List<SentenceRecord> Sentences) MakeDocuments(int sentenceCount)
    {
        var documents = new List<KnowledgeDocument>();
        var bodies = new List<List<string>>();
        for (var d = 0; d < DocumentCount; d++)
        {
            var document = new KnowledgeDocument
            {
                Id = $"syn-doc-{d:D3}",
                Title = $"Synthetic report {d + 1}: {Pick(_series)} and its members",
                Language = "en",
                Url = $"https://example.org/reports/{d + 1}",
                Published = Year(2015 + d % 10),
                Grade = SourceGrade.Article,
                Origin = KnowledgeOrigin.Shipped,
            };
            for (var s = 0; s < 4; s++)
                document.Sources.Add(new DocumentSource
                {
                    Key = $"s{s}",
                    Url = $"https://example.org/sources/{d}/{s}",
                    Grade = Grades[s],
                    Date = $"{2015 + (d + s) % 10}-0{1 + s}-15",
                    Publisher = $"Publisher {s}",
                });
            documents.Add(document);
            bodies.Add([]);
        }

        // Statements of the first facts go into the documents (and cite them); the rest cite web pages.
        var documentFacts = Math.Min(_facts.Count, Math.Min(MaxDocumentFacts, sentenceCount / 2));
        var sentencesPer = new List<string>[DocumentCount];
        for (var d = 0; d < DocumentCount; d++) sentencesPer[d] = [];
        for (var f = 0; f < _facts.Count; f++)
        {
            var fact = _facts[f];
            if (f < documentFacts)
            {
                var d = f % DocumentCount;
                sentencesPer[d].Add(fact.Statement);
                fact.DocumentId = documents[d].Id;
                fact.Quote = fact.Statement;
            }
            else
            {
                fact.SourceUrl = $"https://example.org/facts/{fact.Id}";
                fact.Quote = fact.Statement;
            }
        }
        var filler = sentenceCount - documentFacts;
        for (var k = 0; k < filler; k++) sentencesPer[k % DocumentCount].Add(FillerSentence());
        var records = new List<SentenceRecord>();
        for (var d = 0; d < DocumentCount; d++)
        {
            // Interleave fact statements and filler, five sentences to a paragraph, each paragraph with a source marker.
            var list = sentencesPer[d].OrderBy(_ => _random.Next()).ToList();
            var body = new StringBuilder($"# {documents[d].Title}\n\n");
            for (var p = 0; p < list.Count; p += 5)
                body.Append(string.Join(' ', list.Skip(p).Take(5))).Append(CultureInfo.InvariantCulture, $" [^s{p / 5 % 4}]\n\n");
            documents[d].Body = body.ToString().TrimEnd('\n');
            documents[d].ContentHash = MarkdownDocumentParser.Hash(documents[d].Body);
            records.AddRange(SentenceRecord.FromDocument(documents[d]));
        }
        // The splitter may cut a sentence where the generator did not; keep exactly the count asked for.
        if (records.Count > sentenceCount) records = records.Take(sentenceCount).ToList();
        return (documents, records);
    }

    private string FillerSentence() => _random.Next(5) switch
    {
        0 => $"Officials from {Pick(_cities)} visited {Pick(_cities)} in {Pick(Months)} {_random.Next(2012, 2026)} to discuss {Pick(Sectors)} cooperation.",
        1 => $"Traders in {Pick(_cities)} say the {Pick(Sectors)} business has grown since {_random.Next(2012, 2026)}.",
        2 => $"The {Pick(_routes).Name} carried {_random.Next(2, 90) * 1000} passengers in its first month.",
        3 => $"{Pick(_companies)} trained {_random.Next(2, 60) * 10} local technicians at the {Pick(_places).Name}.",
        _ => $"Farmers near {Pick(_cities)} sell {Pick(["rice", "rubber", "cassava", "coffee", "durian"])} across the border to {Countries[_random.Next(Countries.Length)].Name}.",
    };

    // ------------------------------------------------------------------ questions

    private static string Typo(string name)
    {
        // Swap two lower-case letters in the middle of the longest word: "Bankhon" -> "Bankohn".
        var parts = name.Split(' ');
        var longest = parts.OrderByDescending(p => p.Length).First();
        var at = longest.Length / 2;
        while (at < longest.Length - 1 && !(char.IsLower(longest[at - 1]) && char.IsLower(longest[at]) && longest[at - 1] != longest[at])) at++;
        var swapped = longest[..(at - 1)] + longest[at] + longest[at - 1] + longest[(at + 1)..];
        return string.Join(' ', parts.Select(p => p == longest ? swapped : p));
    }

    private List<string> MakeQuestions()
    {
        Fact First(string kind, Func<Fact, bool>? where = null) => _facts.First(f => f.Kind == kind && (where is null || where(f)));
        var route = First(FactKind.Route);
        var route2 = _facts.Where(f => f.Kind == FactKind.Route).Skip(3).First();
        var investment = First(FactKind.Investment);
        var investment2 = _facts.Where(f => f.Kind == FactKind.Investment).Skip(5).First();
        var pair = First(FactKind.CityPair);
        var pair2 = _facts.Where(f => f.Kind == FactKind.CityPair).Skip(4).First();
        var figure = First(FactKind.Figure, f => f.Fields.ContainsKey("change"));
        var figureSubject = figure.Get("subject")!;
        var figureMeasure = figure.Statement[(figureSubject.Length + 1)..figure.Statement.IndexOf(" was ", StringComparison.Ordinal)];
        var figure2 = _facts.Where(f => f.Kind == FactKind.Figure && f.Get("metric") != figure.Get("metric")).Skip(10).First();
        var figure2Subject = figure2.Get("subject")!;
        var figure2Measure = figure2.Statement[(figure2Subject.Length + 1)..figure2.Statement.IndexOf(" was ", StringComparison.Ordinal)];
        var place = First(FactKind.Place);
        var place2 = _facts.Where(f => f.Kind == FactKind.Place).Skip(3).First();
        var meeting = First(FactKind.Meeting);
        var meetingSeries = meeting.About[0];
        var meeting2 = _facts.Where(f => f.Kind == FactKind.Meeting).Skip(6).First();
        var employs = First(FactKind.Note, f => f.Statement.Contains(" employs ", StringComparison.Ordinal));
        var festival = First(FactKind.Note, f => f.Statement.Contains(" festival ", StringComparison.Ordinal));
        var placeAliasEntity = _entities.First(e => e.Name == place2.Get("name"));
        var thaiCity = _thaiAlias.First();
        var cityWithAlias = _entities.First(e => e.Type == "city" && e.Aliases.Count > 0 && !_thaiAlias.ContainsKey(e.Name));

        return
        [
            // Entities, routes, lists.
            $"What is the {route.Get("name")}?",
            $"Which stations does the {route.Get("name")} stop at?",
            $"How long is the {route.Get("name")}?",
            $"When did the {route.Get("name")} start running?",
            $"What are the stops of the {route2.Get("name")}?",
            $"Which routes stop in {route.GetList("stops")[0]}?",
            $"Who operates the {route2.Get("name")}?",
            // Investments.
            $"Tell me about {investment.Get("investor")}",
            $"Which companies invest in {investment.Get("country")}?",
            $"Where does {investment.Get("investor")} have a plant?",
            $"What is the capacity of the {investment2.Get("investor")} plant in {investment2.Get("place")}?",
            $"Which countries does {investment2.Get("investor")} invest in?",
            $"Which Chinese companies make {investment.Get("sector")}s in Thailand?",
            // City pairs.
            $"What are the sister cities of {pair.Get("city_a")}?",
            $"Is {pair2.Get("city_a")} a partner city of {pair2.Get("city_b")}?",
            $"When did {pair.Get("city_a")} and {pair.Get("city_b")} become partners?",
            // Figures and years.
            $"What was {figureSubject} {figureMeasure} in {figure.Get("year")}?",
            $"How has {figureSubject} {figureMeasure} changed over time?",
            $"What is the latest {figureSubject} {figureMeasure} figure?",
            $"What was {figureSubject} {figureMeasure} in 1999?",
            $"How much {figure2Measure} did {figure2Subject} have in {figure2.Get("year")}?",
            // Places.
            $"Where is the {place.Get("name")}?",
            $"When did the {place.Get("name")} open?",
            $"What role does the {place2.Get("name")} play?",
            $"Tell me about the {placeAliasEntity.Aliases[0]}",
            // Meetings.
            $"When was the first {meetingSeries} {meeting.Get("type")}?",
            $"Where was the {Lexicon.OrdinalWords[int.Parse(meeting2.Get("number")!, CultureInfo.InvariantCulture)]} {meeting2.About[0]} {meeting2.Get("type")} held?",
            $"Who co-chaired the first {meetingSeries} {meeting.Get("type")}?",
            $"Which city hosted the second {meetingSeries} working group meeting?",
            // Notes and document sentences.
            $"How many people does {employs.Get("subject")} employ?",
            $"What festival does {festival.Get("subject")} host?",
            $"What did traders in {pair.Get("city_b")} say about the {investment.Get("sector")} business?",
            $"{cityWithAlias.Aliases[0]}",
            $"{route.GetList("stops")[0]}",
            // Typos.
            $"What is the {Typo(route.Get("name")!)}?",
            $"Tell me about {Typo(investment.Get("investor")!)}",
            $"tell me about {Typo(investment2.Get("investor")!).ToLowerInvariant()}",
            $"Wher is the {place.Get("name")} locatd?",
            $"sister citys of {Typo(pair.Get("city_a")!)}",
            $"How has {figureSubject} {figureMeasure} chnaged over tiem?",
            // Other scripts.
            $"{thaiCity.Value} อยู่ที่ไหน",
            // Out of scope: declined.
            "Who won the 2018 World Cup?",
            "What is the capital of France?",
            "How do I bake sourdough bread?",
            "What is Tesla's share price today?",
            "Tell me about quantum computing",
            "What's the weather in Paris tomorrow?",
            $"What is the population of {pair2.Get("city_b")}?",
            // Small talk and help.
            "hello",
            "help",
        ];
    }
}
