using LmcBot.Core.Text;

namespace LmcBot.Core.Answering;

/// <summary>
/// General English question vocabulary: words that carry no subject (stop words), cue words that
/// signal what kind of answer is wanted, and synonyms folded onto one term. Nothing here names an
/// LMC fact: the subjects come from the knowledge base's own names and text.
/// </summary>
internal static class Lexicon
{
    /// <summary>Words that say nothing about the subject of a question.</summary>
    public static readonly HashSet<string> StopWords = StemAll(
        """
        a an the and or but if of to in on at by for with from into onto over under about as than then so such
        is are was were be been being am do does did done doing have has had having will would shall should can could may might must
        what which who whom whose when where why how whats wheres whos hows
        i me my we our us you your he him his she her it its they them their this that these those there here
        any some all each every both either neither no not only also just very much many more most less least few several
        please tell know say said show give list name find explain describe let get got make made go going
        like want need wonder wondering curious question questions answer info information detail details
        thing things something anything stuff one ones kind kinds sort type types way ways
        happen happened become became belong belongs belonged involved involve involves include includes included including
        take took taken part exist exists existing currently really actually exactly roughly around approximately
        yes ok okay hey hi hello thanks thank bot lmcbot
        did does doing dont doesnt didnt isnt arent wasnt werent
        wat wut wht wen whn wich wher whr hw u ur r pls plz abt bout tho thx ty
        between among within across via per
        go goes went gone come comes came play plays played playing give gives given giving put puts use used uses using
        see seen saw look looks looking mean means meant call called calls known seem seems keep kept help helps helped
        example examples instance case cases mention mentioned mentions refer refers referred regarding concerning related
        important main major key big little new old good great best biggest largest overall general specific particular
        also still already ever never always sometimes usually stand stands co again yet ago later earlier today tomorrow
        right now then soon recently lately whether because since although though while during before after until
        could would might shall will able possible probably maybe perhaps sure certain true false correct
        people person someone anyone everyone nobody thing place time times lot lots bit
        total whole entire full up down out off
        """);

    /// <summary>Words that ask for a date.</summary>
    public static readonly HashSet<string> WhenCues = StemAll("when year date day month since founded found establish established launch launched open opened start started begin began begun inaugurate inaugurated create created set formed form held hold first");

    /// <summary>Words that ask for a number.</summary>
    public static readonly HashSet<string> QuantityCues = StemAll("much many number total value volume amount figure figures worth size long length capacity count percent percentage billion million");

    /// <summary>Words that ask for an amount of money rather than a count.</summary>
    public static readonly HashSet<string> MoneyCues = StemAll("money cost costs costing worth price priced spend spent spending budget capital usd dollar dollars yuan rmb cny baht thb");

    /// <summary>Currency names and codes as figure units write them.</summary>
    public static readonly string[] CurrencyUnits = ["USD", "CNY", "RMB", "yuan", "THB", "baht", "dollar", "EUR", "euro", "LAK", "kip", "VND", "dong", "KHR", "riel", "MMK", "kyat"];

    public static readonly HashSet<string> LatestCues = StemAll("latest now current currently recent recently newest today nowadays present");

    public static readonly HashSet<string> SeriesCues = StemAll("change changed changes trend trends grow grew growth grown evolve evolved evolution history historical series compare comparison");

    public static readonly HashSet<string> HelpCues = StemAll("help commands command usage");

    public static readonly HashSet<string> GreetingCues = StemAll("hi hello hey thanks thank morning evening afternoon greetings cheers");

    /// <summary>Words that point at a kind of fact, by kind.</summary>
    public static readonly Dictionary<string, HashSet<string>> KindCues = new()
    {
        ["organisation"] = StemAll("member members membership country countries nation nations state states join joined belong framework mechanism organisation organization pillar pillars priority priorities area areas vision aim aims goal goals"),
        ["route"] = StemAll("route routes stop stops station stations via path itinerary line train trains service services connect connects connected travel run runs go goes rail railway journey trip"),
        ["investment"] = StemAll("invest invests invested investing investor investors investment investments ev evs carmaker carmakers automaker automakers maker makers company companies firm firms plant plants factory factories manufacturer manufacturers enterprise enterprises"),
        ["citypair"] = StemAll("sister twin twinned twinning friendship friendly partner partners partnered partnership city cities pair pairs paired counterpart province provinces"),
        ["figure"] = StemAll("much many number total value volume amount figure worth trade billion million percent growth count"),
        ["place"] = StemAll("where located location place station hub centre center role"),
        ["meeting"] = StemAll("meeting meetings meet met summit summits conference ministers minister leaders leader chair chaired cochair host hosted"),
        ["fund"] = StemAll("fund funds funding credit loan loans money finance financing pledge pledged"),
        ["event"] = StemAll("event week held celebrate"),
        ["note"] = new HashSet<string>(),
    };

    /// <summary>Per cue word, the kinds it points at (<see cref="KindCues"/> turned around).</summary>
    public static readonly Dictionary<string, string[]> KindsCuedBy = KindCues
        .SelectMany(p => p.Value.Select(word => (Word: word, Kind: p.Key)))
        .GroupBy(x => x.Word, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Kind).ToArray(), StringComparer.Ordinal);

    /// <summary>Words for the kind itself, added to each fact's terms so questions in those words find it.</summary>
    public static readonly Dictionary<string, string> KindVocabulary = new()
    {
        ["organisation"] = "framework mechanism",
        ["route"] = "route stops stations line city cities",
        ["investment"] = "invest investor investment company",
        ["citypair"] = "city cities partner partnership pair",
        ["figure"] = "figure number total",
        ["place"] = "place located location city",
        ["meeting"] = "meeting meet summit",
        ["fund"] = "fund",
        ["event"] = "event",
        ["note"] = "",
    };

    /// <summary>Synonyms folded onto one stem, on both sides (questions and facts).</summary>
    public static readonly Dictionary<string, string> Synonyms = BuildSynonyms(
        ("nation", "country"), ("state", "country"), ("centre", "center"), ("organization", "organisation"),
        ("twin", "sister"), ("twinned", "sister"), ("twinning", "sister"), ("automaker", "carmaker"), ("car", "vehicle"),
        ("ev", "electric"), ("meet", "meeting"), ("met", "meeting"), ("fertiliser", "fertilizer"),
        ("inaugurate", "open"), ("inaugurated", "open"), ("begin", "start"), ("began", "start"), ("kick", "start"),
        ("establish", "found"), ("established", "found"), ("founded", "found"), ("set", "found"), ("form", "found"), ("formed", "found"),
        ("launch", "start"), ("launched", "start"), ("firm", "company"), ("enterprise", "company"), ("factory", "plant"),
        ("trip", "journey"), ("ran", "run"), ("led", "lead"), ("built", "build"), ("handle", "carry"), ("handled", "carry"), ("transport", "carry"), ("transported", "carry"), ("ship", "carry"), ("shipped", "carry"), ("summit", "leader"), ("summits", "leader"), ("long", "length"), ("distance", "length"), ("far", "length"), ("growth", "grow"), ("grew", "grow"), ("grown", "grow"), ("link", "connect"), ("linked", "connect"), ("links", "connect"), ("travel", "journey"), ("kilometer", "km"), ("kilometre", "km"), ("kilometers", "km"), ("kilometres", "km"),
        ("renminbi", "yuan"), ("rmb", "yuan"), ("cny", "yuan"), ("dollar", "usd"), ("dollars", "usd"), ("us$", "usd"),
        ("commerce", "trade"), ("bilateral", "trade"), ("money", "fund"), ("funding", "fund"), ("loan", "credit"), ("lend", "credit"), ("lent", "credit"), ("lending", "credit"), ("borrow", "credit"), ("borrowed", "credit"),
        ("stop", "station"), ("stops", "station"), ("cofounder", "member"), ("join", "member"), ("joined", "member"), ("joining", "member"), ("participant", "member"), ("participate", "member"),
        ("hydrological", "water"), ("hydrology", "water"), ("river", "water"),
        ("proposal", "propose"), ("approval", "approve"), ("arrival", "arrive"), ("renewal", "renew"), ("withdrawal", "withdraw"));

    /// <summary>
    /// Generic verbs of activity ("what does X ship", "when is X celebrated", "where was X held"): they
    /// ask about the named thing rather than add a subject, so a fact about that thing that does not use
    /// the same verb still answers in full.
    /// </summary>
    public static readonly HashSet<string> LightVerbs = StemAll(
        """
        carry celebrate celebrated celebrates celebrating observe observed mark marked hold held holds holding
        occur occurred occurs organise organised organize organized do does did
        produce produces produced manufacture manufactures manufactured offer offers offered provide provides provided
        deliver delivers delivered serve serves served work works worked operate operates operated
        run runs ran aim aims aimed focus focuses focused cover covers covered
        """).Select(Canonical).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words that ask for every item of a kind ("list the meetings", "all summits").</summary>
    public static readonly HashSet<string> ListCues = new(StringComparer.Ordinal) { "list", "all", "every", "each", "meetings", "summits" };

    /// <summary>Words that ask about what comes next, which a record of past events cannot answer.</summary>
    public static readonly HashSet<string> FutureCues = new(StringComparer.Ordinal) { "next", "upcoming", "forthcoming" };

    /// <summary>Words that ask about a name itself ("what does MLC stand for", "what is it called").</summary>
    public static readonly HashSet<string> NameCues = new(StringComparer.Ordinal)
    {
        "stand", "stands", "mean", "means", "meaning", "abbreviation", "acronym", "short", "called", "name", "names", "named", "call",
    };

    /// <summary>Words that compare things ("which country trades most").</summary>
    public static readonly HashSet<string> SuperlativeCues = new(StringComparer.Ordinal)
    {
        "most", "largest", "biggest", "highest", "greatest", "top", "leading", "least", "smallest", "lowest", "fewest",
    };

    /// <summary>Common verbs, which an adverbial "first" stands before ("when did China first share data").</summary>
    public static readonly HashSet<string> CommonVerbs = new(StringComparer.Ordinal)
    {
        "share", "meet", "met", "propose", "open", "start", "run", "ran", "launch", "sign", "visit", "arrive", "use", "give", "gave",
        "hold", "held", "announce", "go", "went", "come", "came", "appear", "begin", "began", "offer", "connect", "export", "import",
        "carry", "reach", "become", "became", "join", "take", "took", "make", "made", "send", "sent", "build", "built", "invest",
    };

    /// <summary>Short question words people mistype; the vocabulary corrector leaves words under five letters alone.</summary>
    public static readonly string[] ShortQuestionWords =
    [
        "open", "opened", "meet", "join", "held", "hold", "when", "what", "where", "which", "year", "long", "much", "many",
        "city", "fund", "trade", "route", "train", "stop", "stops", "list", "date", "rail", "plant", "first", "about", "start",
    ];

    public static readonly HashSet<string> CityPairCues = StemAll("sister sisters twin twins twinned twinning partner partners partnered pair pairs paired friendship friendly");

    /// <summary>Ordinal words and their numbers ("third" and "3rd" are 3).</summary>
    public static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6, ["seventh"] = 7, ["7th"] = 7, ["eighth"] = 8, ["8th"] = 8,
        ["ninth"] = 9, ["9th"] = 9, ["tenth"] = 10, ["10th"] = 10, ["eleventh"] = 11, ["11th"] = 11, ["twelfth"] = 12, ["12th"] = 12,
    };

    public static readonly string[] OrdinalWords = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    /// <summary>Words that ask specifically about investing (not just "company", which any fact about a firm may answer).</summary>
    public static readonly HashSet<string> InvestmentCues = StemAll("invest invests invested investing investor investors investment investments ev evs carmaker carmakers automaker automakers");

    /// <summary>Words that ask for causes rather than figures.</summary>
    public static readonly HashSet<string> ReasonCues = StemAll("why reason reasons cause causes driver drivers drive driving driven behind explain");

    /// <summary>Words that name the type of thing a "which/what …" question wants back.</summary>
    public static readonly Dictionary<string, string> AnswerTypes = BuildAnswerTypes(
        ("country", "country"), ("countries", "country"), ("nation", "country"), ("nations", "country"),
        ("city", "city"), ("cities", "city"), ("town", "city"), ("towns", "city"),
        ("company", "company"), ("companies", "company"), ("firm", "company"), ("firms", "company"), ("maker", "company"), ("makers", "company"),
        ("carmakers", "company"), ("automakers", "company"), ("investors", "company"), ("investor", "company"),
        ("leader", "person"), ("leaders", "person"), ("minister", "person"), ("ministers", "person"), ("who", "agent"));

    private static Dictionary<string, string> BuildAnswerTypes(params (string Word, string Type)[] pairs)
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

    private static HashSet<string> StemAll(string words) =>
        words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => new[] { w, Stemmer.Stem(w) })
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> BuildSynonyms(params (string From, string To)[] pairs)
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
