using System.Globalization;
using System.Reflection;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LmcBot.Core.Answering.Reading;

/// <summary>
/// The question vocabulary, which is data rather than code (<c>QuestionVocabulary.yaml</c>, embedded):
/// stop words, cue words, generic verbs, units and currencies, general synonyms, ordinals, answer types,
/// and the region's question words in other languages mapped onto English; <see cref="Default"/> adds
/// the LMC-specific synonyms and abbreviations of <c>knowledge/synonyms.yaml</c> (also embedded).
/// <see cref="Lexicon"/> reads the groups. Loaded and checked once; a malformed file is a build-time
/// mistake and fails the first question loudly (and the vocabulary tests).
/// </summary>
internal sealed class QuestionVocabulary
{
    private const string ResourceName = "LmcBot.Core.Answering.Reading.QuestionVocabulary.yaml";
    private const string SynonymsResourceName = "LmcBot.Core.Knowledge.synonyms.yaml";
    private const string SynonymsFile = "knowledge/" + DomainSynonyms.FileName;

    /// <summary>How a group's words are matched: as written, or each word and its stem.</summary>
    private enum Form { AsWritten, WithStems }

    /// <summary>A group's shape: words separated by spaces, a mapping of word to value, or a mapping of fact kind to words.</summary>
    private enum Shape { Words, Map, Kinds }

    private sealed record Group(string Name, Shape Shape, Form Form);

    /// <summary>Every group the file may hold; <see cref="Load"/> requires each of them.</summary>
    private static readonly Group[] Groups =
    [
        new("stop_words", Shape.Words, Form.WithStems),
        new("when_cues", Shape.Words, Form.WithStems),
        new("quantity_cues", Shape.Words, Form.WithStems),
        new("money_cues", Shape.Words, Form.WithStems),
        new("currency_units", Shape.Words, Form.AsWritten),
        new("latest_cues", Shape.Words, Form.WithStems),
        new("series_cues", Shape.Words, Form.WithStems),
        new("help_cues", Shape.Words, Form.WithStems),
        new("greeting_cues", Shape.Words, Form.WithStems),
        new("kind_cues", Shape.Kinds, Form.WithStems),
        new("kind_vocabulary", Shape.Kinds, Form.AsWritten),
        new("synonyms", Shape.Map, Form.WithStems),
        new("light_verbs", Shape.Words, Form.WithStems),
        new("list_cues", Shape.Words, Form.AsWritten),
        new("future_cues", Shape.Words, Form.AsWritten),
        new("name_cues", Shape.Words, Form.AsWritten),
        new("superlative_cues", Shape.Words, Form.AsWritten),
        new("common_verbs", Shape.Words, Form.AsWritten),
        new("short_question_words", Shape.Words, Form.AsWritten),
        new("city_pair_cues", Shape.Words, Form.WithStems),
        new("ordinals", Shape.Map, Form.AsWritten),
        new("number_words", Shape.Words, Form.AsWritten),
        new("office_words", Shape.Words, Form.WithStems),
        new("investment_cues", Shape.Words, Form.WithStems),
        new("reason_cues", Shape.Words, Form.WithStems),
        new("answer_types", Shape.Map, Form.WithStems),
        new("follow_up_cues", Shape.Words, Form.AsWritten),
        new("referent_words", Shape.Words, Form.AsWritten),
        new("translations", Shape.Map, Form.AsWritten),
    ];

    /// <summary>
    /// Groups that contradict each other: no word (in the group's form, see <see cref="Form"/>) may be in
    /// both. For a mapping group the words are its keys (for <c>synonyms</c>, its keys and values); for
    /// <c>kind_cues</c>, every kind's words. Only pairs the vocabulary satisfies are listed; overlaps that
    /// are intended (a stop word is still a cue: "how much" asks a quantity yet names no subject) are not.
    /// </summary>
    private static readonly (string A, string B, string Reason)[] Contradictions =
    [
        ("latest_cues", "future_cues", "the newest recorded value can be answered, what comes next cannot"),
        ("latest_cues", "series_cues", "the latest value is one figure, a series is every year's"),
        ("reason_cues", "quantity_cues", "a question asks for causes or for a figure"),
        ("reason_cues", "when_cues", "a question asks for causes or for a date"),
        ("when_cues", "quantity_cues", "a question asks for a date or for a number"),
        ("when_cues", "money_cues", "a question asks for a date or for an amount of money"),
        ("greeting_cues", "help_cues", "a greeting gets a greeting back, a help request the help text"),
        ("greeting_cues", "kind_cues", "a greeting asks about no kind of fact"),
        ("help_cues", "kind_cues", "a help request is about the bot, not about a kind of fact"),
        ("answer_types", "light_verbs", "the type asked for must be in the answer, a light verb may be missing from it"),
        ("list_cues", "ordinals", "a question asks for every item of a kind or for the n-th one"),
        ("number_words", "ordinals", "\"three\" is a count, \"third\" a position"),
        ("stop_words", "synonyms", "a stop word is no subject word, and synonyms fold subject words"),
    ];

    public static QuestionVocabulary Default { get; } = Load();

    private readonly Dictionary<string, string[]> _words;
    private readonly Dictionary<string, List<(string Key, string Value)>> _maps;
    private readonly List<(string From, string To)> _synonyms;

    /// <summary>Keys in scripts written without spaces, longest first: replaced as substrings.</summary>
    public IReadOnlyList<(string Key, string English)> ScriptWords { get; }

    /// <summary>Latin-script keys (Vietnamese, and the abbreviations of <c>knowledge/synonyms.yaml</c>), as token runs, longest first: replaced as whole words.</summary>
    public IReadOnlyList<(string[] Key, string English)> LatinPhrases { get; }

    /// <summary>Latin-script keys that are English abbreviations (knowledge/synonyms.yaml phrases), not another language.</summary>
    public IReadOnlySet<string> EnglishPhrases { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every synonym, word to word as written: the general ones, then the LMC-specific ones.</summary>
    public IReadOnlyList<(string From, string To)> Synonyms => _synonyms;

    /// <summary>The general synonyms, stem to stem, as <see cref="Lexicon.Synonyms"/> folds them: what <c>knowledge/synonyms.yaml</c> is checked against.</summary>
    public IReadOnlyDictionary<string, string> GeneralSynonymStems { get; }

    /// <summary>The stop words and general synonyms that <c>knowledge/synonyms.yaml</c> is checked against, at ingest and here.</summary>
    public SynonymRules SynonymRules { get; }

    /// <summary>The ordinal numbers in letters, by number: <c>[0]</c> is empty, <c>[3]</c> is "third".</summary>
    public IReadOnlyList<string> OrdinalWords { get; }

    private readonly HashSet<string> _stopWords;

    private QuestionVocabulary(Dictionary<string, string[]> words, Dictionary<string, List<(string Key, string Value)>> maps, DomainSynonyms domain)
    {
        _words = words;
        _maps = maps;
        var general = maps.GetValueOrDefault("synonyms") ?? [];
        _synonyms = [.. general, .. domain.Synonyms];
        GeneralSynonymStems = StemMap(general);
        _stopWords = Effective(words.GetValueOrDefault("stop_words") ?? [], Form.WithStems);
        SynonymRules = new SynonymRules(IsStopWord, GeneralSynonymStems);
        var translations = (maps.GetValueOrDefault("translations") ?? []).Concat(domain.Phrases.Select(p => (Key: p.Key, Value: p.Words))).ToList();
        ScriptWords = [.. translations.Where(t => !IsLatin(t.Key)).OrderByDescending(t => t.Key.Length).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value))];
        LatinPhrases = [.. translations.Where(t => IsLatin(t.Key)).Select(t => (Key: t.Key.Split(' '), English: t.Value))
            .OrderByDescending(t => t.Key.Length).ThenBy(t => string.Join(' ', t.Key), StringComparer.Ordinal)];
        EnglishPhrases = domain.Phrases.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var ordinals = (maps.GetValueOrDefault("ordinals") ?? []).Where(o => o.Key.All(char.IsAsciiLetter)).ToDictionary(o => int.Parse(o.Value, CultureInfo.InvariantCulture), o => o.Key);
        OrdinalWords = [.. Enumerable.Range(0, ordinals.Count + 1).Select(n => ordinals.GetValueOrDefault(n, ""))];
    }

    /// <summary>A word group's words as written, in file order.</summary>
    public IReadOnlyList<string> Words(string group) =>
        _words.TryGetValue(group, out var words) ? words : throw Missing(group);

    /// <summary>A mapping group's entries (key, value) as written, in file order; for a kind group, kind and its words.</summary>
    public IReadOnlyList<(string Key, string Value)> Entries(string group) =>
        _maps.TryGetValue(group, out var entries) ? entries : throw Missing(group);

    /// <summary>A kind group's words for one fact kind (none when the kind is not listed).</summary>
    public IReadOnlyList<string> KindWords(string group, string kind) =>
        Entries(group).Where(e => e.Key == kind).SelectMany(e => SplitWords(e.Value)).ToList();

    /// <summary>Whether a word, or its stem, is a stop word.</summary>
    public bool IsStopWord(string word) => _stopWords.Contains(word) || _stopWords.Contains(Stemmer.Stem(word));

    private static InvalidOperationException Missing(string group) =>
        new($"QuestionVocabulary.yaml: the group '{group}' is missing.");

    /// <summary>The embedded vocabulary with the embedded <c>knowledge/synonyms.yaml</c>; every group must be present.</summary>
    public static QuestionVocabulary Load()
    {
        var vocabulary = Parse(ReadResource(ResourceName), ReadResource(SynonymsResourceName));
        var missing = Groups.Where(g => !vocabulary._words.ContainsKey(g.Name) && !vocabulary._maps.ContainsKey(g.Name)).Select(g => g.Name).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException("QuestionVocabulary.yaml: missing groups " + string.Join(", ", missing) + ".");
        return vocabulary;
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Parses and checks the vocabulary text, and the domain synonyms when given; every problem is
    /// reported with its word and group. Groups left out are allowed here (small test vocabularies);
    /// <see cref="Load"/> requires them all.
    /// </summary>
    public static QuestionVocabulary Parse(string yaml, string? domainSynonyms = null)
    {
        var problems = new List<string>();
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var maps = new Dictionary<string, List<(string Key, string Value)>>(StringComparer.Ordinal);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
                ? map
                : throw new InvalidOperationException("QuestionVocabulary.yaml: expected a mapping of group names.");
        }
        catch (YamlException ex)
        {
            throw new InvalidOperationException($"QuestionVocabulary.yaml: invalid YAML at line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        foreach (var (nameNode, valueNode) in root.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value ?? "";
            var group = Array.Find(Groups, g => g.Name == name);
            if (group is null)
            {
                problems.Add($"unknown group '{name}'");
                continue;
            }
            if (group.Shape == Shape.Words)
                ReadWords(group, valueNode, words, problems);
            else
                ReadMap(group, valueNode, maps, problems);
        }
        CheckSynonyms(maps.GetValueOrDefault("synonyms") ?? [], problems);
        CheckOrdinals(maps.GetValueOrDefault("ordinals"), problems);
        CheckContradictions(words, maps, problems);
        if (problems.Count > 0)
            throw new InvalidOperationException("QuestionVocabulary.yaml: " + string.Join("; ", problems) + ".");

        var domain = DomainSynonyms.Empty;
        if (domainSynonyms is not null)
        {
            var general = new QuestionVocabulary(words, maps, DomainSynonyms.Empty);
            var (parsed, errors) = DomainSynonyms.Parse(domainSynonyms, SynonymsFile, general.SynonymRules);
            var translations = (maps.GetValueOrDefault("translations") ?? []).Select(t => t.Item1).ToHashSet(StringComparer.Ordinal);
            var clashes = parsed.Phrases.Where(p => translations.Contains(p.Key)).Select(p => $"{SynonymsFile}: phrase '{p.Key}' is also a translation in QuestionVocabulary.yaml");
            var all = errors.Select(e => e.ToString()).Concat(clashes).ToList();
            if (all.Count > 0)
                throw new InvalidOperationException(string.Join("; ", all) + ".");
            domain = parsed;
        }
        return new QuestionVocabulary(words, maps, domain);
    }

    private static void ReadWords(Group group, YamlNode node, Dictionary<string, string[]> words, List<string> problems)
    {
        if (node is not YamlScalarNode scalar)
        {
            problems.Add($"group '{group.Name}' must be words separated by spaces");
            return;
        }
        var list = SplitWords(scalar.Value);
        if (list.Length == 0) problems.Add($"group '{group.Name}' is empty");
        foreach (var twice in Duplicates(list)) problems.Add($"'{twice}' is written twice in group '{group.Name}'");
        words[group.Name] = list;
    }

    private static void ReadMap(Group group, YamlNode node, Dictionary<string, List<(string Key, string Value)>> maps, List<string> problems)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add($"group '{group.Name}' must be a mapping");
            return;
        }
        var entries = new List<(string Key, string Value)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (mapping.Children.Count == 0) problems.Add($"group '{group.Name}' is empty");
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var rawKey = (keyNode as YamlScalarNode)?.Value ?? "";
            var key = group.Name == "translations" ? TextFolding.Fold(rawKey) : rawKey;
            if (valueNode is not YamlScalarNode { Value: { } value })
            {
                problems.Add($"'{key}' in group '{group.Name}' must have a plain value");
                continue;
            }
            if (key.Length == 0) problems.Add($"an empty key in group '{group.Name}'");
            else if (!seen.Add(key)) problems.Add(group.Name == "translations" ? $"'{key}' is given twice" : $"'{key}' is given twice in group '{group.Name}'");
            switch (group.Shape, group.Name)
            {
                case (Shape.Kinds, _):
                    if (FactKind.Find(key) is null) problems.Add($"'{key}' in group '{group.Name}' is not a kind of fact");
                    var kindWords = SplitWords(value);
                    if (kindWords.Length == 0) problems.Add($"kind '{key}' in group '{group.Name}' has no words (leave the kind out)");
                    foreach (var twice in Duplicates(kindWords)) problems.Add($"'{twice}' is written twice for kind '{key}' in group '{group.Name}'");
                    break;
                case (_, "translations"):
                    if (!value.Split(' ').All(w => w.Length > 0 && w.All(char.IsAsciiLetterLower)))
                        problems.Add($"'{key}' maps to '{value}', which is not plain lower-case English words");
                    break;
                case (_, "ordinals"):
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                        problems.Add($"ordinal '{key}' must be a whole number from 1, not '{value}'");
                    break;
                default:
                    if (value.Length == 0 || value.Contains(' ', StringComparison.Ordinal))
                        problems.Add($"'{key}' in group '{group.Name}' must map to one word, not '{value}'");
                    break;
            }
            entries.Add((key, value));
        }
        maps[group.Name] = entries;
    }

    /// <summary>A word folded onto two targets, or onto a word that is folded again (a → b → c), is an error; stems are compared, as <see cref="Lexicon.Synonyms"/> folds them.</summary>
    private static void CheckSynonyms(List<(string From, string To)> synonyms, List<string> problems)
    {
        var targetOf = new Dictionary<string, (string From, string To)>(StringComparer.Ordinal);
        foreach (var (from, to) in synonyms)
        {
            var source = Stemmer.Stem(from);
            if (targetOf.TryGetValue(source, out var earlier) && Stemmer.Stem(earlier.To) != Stemmer.Stem(to))
                problems.Add($"'{from}' is folded onto both '{earlier.To}' and '{to}' in group 'synonyms'");
            else targetOf.TryAdd(source, (from, to));
        }
        var map = StemMap(synonyms);
        foreach (var (from, to) in synonyms)
        {
            var target = Stemmer.Stem(to);
            if (Stemmer.Stem(from) != target && map.TryGetValue(target, out var next) && next != target)
                problems.Add($"'{from}' is folded onto '{to}', which is itself folded onto '{next}' in group 'synonyms'");
        }
    }

    /// <summary>Each number from 1 up has exactly one ordinal written in letters, which answers use.</summary>
    private static void CheckOrdinals(List<(string Key, string Value)>? ordinals, List<string> problems)
    {
        if (ordinals is null) return;
        var inLetters = ordinals.Where(o => o.Key.All(char.IsAsciiLetter) && int.TryParse(o.Value, CultureInfo.InvariantCulture, out _))
            .GroupBy(o => int.Parse(o.Value, CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Select(o => o.Key).ToList());
        var max = inLetters.Count == 0 ? 0 : inLetters.Keys.Max();
        for (var n = 1; n <= max; n++)
        {
            if (!inLetters.TryGetValue(n, out var keys)) problems.Add($"no ordinal in letters for {n} in group 'ordinals'");
            else if (keys.Count > 1) problems.Add($"{n} has two ordinals in letters ('{keys[0]}', '{keys[1]}') in group 'ordinals'");
        }
    }

    private static void CheckContradictions(Dictionary<string, string[]> words, Dictionary<string, List<(string Key, string Value)>> maps, List<string> problems)
    {
        foreach (var (a, b, reason) in Contradictions)
        {
            var left = EffectiveOf(a, words, maps);
            var right = EffectiveOf(b, words, maps);
            if (left is null || right is null) continue;
            foreach (var (form, written) in left.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!right.TryGetValue(form, out var other)) continue;
                problems.Add(written == other
                    ? $"'{written}' is in both '{a}' and '{b}', which contradict each other ({reason})"
                    : $"'{written}' in '{a}' and '{other}' in '{b}' are one word ('{form}'), and the groups contradict each other ({reason})");
            }
        }
    }

    /// <summary>A group's words in its form (see <see cref="Form"/>), each with the word as written that it comes from.</summary>
    private static Dictionary<string, string>? EffectiveOf(string name, Dictionary<string, string[]> words, Dictionary<string, List<(string Key, string Value)>> maps)
    {
        var group = Array.Find(Groups, g => g.Name == name)!;
        IEnumerable<string> members;
        if (words.TryGetValue(name, out var list)) members = list;
        else if (maps.TryGetValue(name, out var entries))
            members = group.Shape switch
            {
                Shape.Kinds => entries.SelectMany(e => SplitWords(e.Value)),
                _ when name == "synonyms" => entries.SelectMany(e => new[] { e.Key, e.Value }),
                _ => entries.Select(e => e.Key),
            };
        else return null;
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in members)
        {
            forms.TryAdd(word, word);
            if (group.Form == Form.WithStems) forms.TryAdd(Stemmer.Stem(word), word);
        }
        return forms;
    }

    private static HashSet<string> Effective(IEnumerable<string> words, Form form) =>
        form == Form.WithStems
            ? words.SelectMany(w => new[] { w, Stemmer.Stem(w) }).ToHashSet(StringComparer.Ordinal)
            : words.ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> StemMap(IEnumerable<(string From, string To)> synonyms)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in synonyms) map[Stemmer.Stem(from)] = Stemmer.Stem(to);
        return map;
    }

    private static string[] SplitWords(string? text) =>
        (text ?? "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Duplicates(string[] words) =>
        words.GroupBy(w => w, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    private static bool IsLatin(string folded) => folded.All(c => c == ' ' || char.IsAsciiLetterOrDigit(c));
}
