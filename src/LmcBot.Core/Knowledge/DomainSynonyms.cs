using LmcBot.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// <c>knowledge/synonyms.yaml</c>: the words that hold for LMC things only (summit → leader, river →
/// water), folded on both sides like the question vocabulary's general synonyms, and abbreviations
/// that questions use and facts spell out (fmm → foreign ministers meeting). The bot reads the copy
/// built into LmcBot.Core; ingest validates the knowledge folder's copy with the same rules.
/// </summary>
internal sealed class DomainSynonyms
{
    public const string FileName = "synonyms.yaml";

    /// <summary>Each word and the word it is folded onto, as written, in file order.</summary>
    public IReadOnlyList<(string From, string To)> Synonyms { get; }

    /// <summary>Each abbreviation (one or more words) and the words it is replaced by.</summary>
    public IReadOnlyList<(string Key, string Words)> Phrases { get; }

    private DomainSynonyms(List<(string, string)> synonyms, List<(string, string)> phrases)
    {
        Synonyms = synonyms;
        Phrases = phrases;
    }

    public static DomainSynonyms Empty { get; } = new([], []);

    /// <summary>Parses the file's text and checks it against <paramref name="rules"/>.</summary>
    public static (DomainSynonyms Synonyms, List<KnowledgeError> Errors) Parse(string yaml, string file, SynonymRules rules)
    {
        var errors = new List<KnowledgeError>();
        var synonyms = new List<(string, string)>();
        var phrases = new List<(string, string)>();
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            errors.Add(new KnowledgeError(file, (int)ex.Start.Line, null, "invalid YAML: " + (ex.InnerException?.Message ?? ex.Message)));
            return (Empty, errors);
        }
        catch (InvalidOperationException)
        {
            errors.Add(new KnowledgeError(file, null, null, KnowledgeFolderReader.UnplacedYamlError));
            return (Empty, errors);
        }
        if (root is not YamlMappingNode map)
        {
            errors.Add(new KnowledgeError(file, root is null ? 1 : Line(root), null, "expected a mapping with a 'synonyms:' mapping (and optionally 'phrases:')"));
            return (Empty, errors);
        }

        var located = new List<(string From, string To, int Line)>();
        var phrasesAt = new List<(string Key, string Words, int Line)>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var section = (keyNode as YamlScalarNode)?.Value;
            if (section is not ("synonyms" or "phrases"))
            {
                errors.Add(new KnowledgeError(file, Line(keyNode), null, $"unknown section '{section}' (expected 'synonyms' or 'phrases')"));
                continue;
            }
            if (valueNode is not YamlMappingNode entries)
            {
                errors.Add(new KnowledgeError(file, Line(valueNode), null, $"'{section}' must be a mapping of word: words"));
                continue;
            }
            foreach (var (fromNode, toNode) in entries.Children)
            {
                var line = Line(fromNode);
                var from = (fromNode as YamlScalarNode)?.Value ?? "";
                var to = (toNode as YamlScalarNode)?.Value;
                if (to is null)
                {
                    errors.Add(new KnowledgeError(file, line, from, "the value must be plain words"));
                    continue;
                }
                if (section == "synonyms")
                {
                    if (!IsWord(from) || !IsWord(to))
                    {
                        errors.Add(new KnowledgeError(file, line, from, $"'{from}: {to}' must be one lower-case word folded onto one other"));
                        continue;
                    }
                    located.Add((from, to, line));
                }
                else
                {
                    if (!IsWords(from) || !IsWords(to))
                    {
                        errors.Add(new KnowledgeError(file, line, from, $"'{from}: {to}' must be lower-case words replaced by lower-case words"));
                        continue;
                    }
                    phrasesAt.Add((from, to, line));
                }
            }
        }

        // The map the bot builds (general and domain, stem to stem), to find two targets and chains.
        var (isStopWord, generalStems) = rules;
        var combined = new Dictionary<string, string>(generalStems, StringComparer.Ordinal);
        var lineOf = new Dictionary<string, (string From, string To, int Line)>(StringComparer.Ordinal);
        foreach (var entry in located)
        {
            var (from, to, line) = entry;
            var source = Stemmer.Stem(from);
            var target = Stemmer.Stem(to);
            if (isStopWord(to) || isStopWord(target))
            {
                errors.Add(new KnowledgeError(file, line, from, $"'{from}' is folded onto '{to}', which is a stop word: questions drop it from their subject"));
                continue;
            }
            if (lineOf.TryGetValue(source, out var earlier) && Stemmer.Stem(earlier.To) != target)
            {
                errors.Add(new KnowledgeError(file, line, from, $"'{from}' is folded onto both '{earlier.To}' (line {earlier.Line}) and '{to}'"));
                continue;
            }
            if (!lineOf.ContainsKey(source) && generalStems.TryGetValue(source, out var general) && general != target)
            {
                errors.Add(new KnowledgeError(file, line, from, $"'{from}' is folded onto '{to}' here and onto '{general}' by the question vocabulary's synonyms"));
                continue;
            }
            lineOf.TryAdd(source, entry);
            combined[source] = target;
            synonyms.Add((from, to));
        }
        foreach (var (source, entry) in lineOf)
        {
            var target = combined[source];
            if (target != source && combined.TryGetValue(target, out var next) && next != target)
                errors.Add(new KnowledgeError(file, entry.Line, entry.From,
                    $"'{entry.From}' is folded onto '{entry.To}', which is itself folded onto '{next}': fold '{entry.From}' onto '{next}' directly"));
        }
        foreach (var (source, target) in generalStems)
            if (source != target && lineOf.TryGetValue(target, out var entry) && combined[target] != target)
                errors.Add(new KnowledgeError(file, entry.Line, entry.From,
                    $"the question vocabulary folds '{source}' onto '{entry.From}', which this file folds onto '{entry.To}'"));
        foreach (var (key, words, line) in phrasesAt)
        {
            if (located.Exists(s => s.From == key))
                errors.Add(new KnowledgeError(file, line, key, $"'{key}' is both a phrase and a synonym: give it one meaning"));
            else phrases.Add((key, words));
        }
        return (errors.Count == 0 ? new DomainSynonyms(synonyms, phrases) : Empty, errors);
    }

    private static bool IsWord(string word) => word.Length > 0 && word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static bool IsWords(string words) => words.Split(' ').All(IsWord);

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
