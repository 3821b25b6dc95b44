using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// Reads and validates a <c>knowledge/</c> folder (documents, facts, aliases, synonyms). Any error makes the
/// whole read fail with every problem listed, so a bad file never half-changes the database.
/// </summary>
public static class KnowledgeFolderReader
{
    /// <summary>A hash of every knowledge file's path and bytes: a re-sync happens when it changes.</summary>
    public static string HashFolder(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in KnowledgeFiles(folder))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <param name="synonyms">
    /// What <c>synonyms.yaml</c> is checked against: the question vocabulary's (<c>KnowledgeBase.ReadFolder</c> passes
    /// them), so a file that would break the vocabulary the bot is built with fails here with its line.
    /// </param>
    public static KnowledgeSet Read(string folder, SynonymRules synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        var errors = new List<KnowledgeError>();
        if (!Directory.Exists(folder))
            throw new KnowledgeValidationException([new KnowledgeError(folder, null, null, "knowledge folder not found")]);

        var documents = ReadDocuments(folder, errors);
        var byId = documents.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var facts = ReadFacts(folder, byId, errors);
        var entities = ReadAliases(folder, facts, errors);
        CheckSynonyms(folder, synonyms, errors);
        CheckClaims(facts, byId, errors);
        if (errors.Count > 0) throw new KnowledgeValidationException(errors);
        return new KnowledgeSet(documents, facts.Select(f => f.Fact).ToList(), entities, HashFolder(folder));
    }

    private static IEnumerable<string> KnowledgeFiles(string folder)
    {
        IEnumerable<string> Files(string sub, string pattern) =>
            Directory.Exists(Path.Combine(folder, sub))
                ? Directory.GetFiles(Path.Combine(folder, sub), pattern).Order(StringComparer.Ordinal)
                : [];
        var aliases = Path.Combine(folder, "aliases.yaml");
        var synonyms = Path.Combine(folder, DomainSynonyms.FileName);
        return Files("documents", "*.md").Concat(Files("facts", "*.yaml"))
            .Concat(File.Exists(aliases) ? [aliases] : [])
            .Concat(File.Exists(synonyms) ? [synonyms] : []);
    }

    private static List<KnowledgeDocument> ReadDocuments(string folder, List<KnowledgeError> errors)
    {
        var result = new List<KnowledgeDocument>();
        var dir = Path.Combine(folder, "documents");
        if (!Directory.Exists(dir))
        {
            errors.Add(new KnowledgeError(dir, null, null, "documents folder not found"));
            return result;
        }
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Rel(folder, file);
            var parsed = MarkdownDocumentParser.Parse(File.ReadAllText(file), name, KnowledgeOrigin.Shipped);
            errors.AddRange(parsed.Errors);
            if (parsed.Document is not { } document) continue;
            if (seen.TryGetValue(document.Id, out var other))
            {
                errors.Add(new KnowledgeError(name, 2, document.Id, $"duplicate document id (also in {other})"));
                continue;
            }
            seen[document.Id] = name;
            result.Add(document);
        }
        return result;
    }

    private sealed record LocatedFact(Fact Fact, string File, int Line);

    private static List<LocatedFact> ReadFacts(string folder, Dictionary<string, KnowledgeDocument> documents, List<KnowledgeError> errors)
    {
        var result = new List<LocatedFact>();
        var dir = Path.Combine(folder, "facts");
        if (!Directory.Exists(dir)) return result;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Rel(folder, file);
            var root = LoadYaml(file, name, errors);
            if (root is null) continue;
            if (root is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode("facts"), out var factsNode) || factsNode is not YamlSequenceNode sequence)
            {
                errors.Add(new KnowledgeError(name, Line(root), null, "expected a mapping with a 'facts:' list"));
                continue;
            }
            foreach (var item in sequence)
            {
                var line = Line(item);
                if (item is not YamlMappingNode factMap)
                {
                    errors.Add(new KnowledgeError(name, line, null, "each fact must be a mapping"));
                    continue;
                }
                var (fact, problems) = ToFact(factMap);
                var id = string.IsNullOrEmpty(fact.Id) ? null : fact.Id;
                foreach (var problem in problems) errors.Add(new KnowledgeError(name, line, id, problem));
                if (id is null)
                {
                    errors.Add(new KnowledgeError(name, line, null, "missing field 'id'"));
                    continue;
                }
                if (ids.TryGetValue(fact.Id, out var other))
                {
                    errors.Add(new KnowledgeError(name, line, fact.Id, $"duplicate fact id (also at {other})"));
                    continue;
                }
                ids[fact.Id] = $"{name}:{line}";
                foreach (var problem in FactValidator.Validate(fact, d => documents.GetValueOrDefault(d)))
                    errors.Add(new KnowledgeError(name, line, fact.Id, problem));
                fact.Origin = KnowledgeOrigin.Shipped;
                result.Add(new LocatedFact(fact, name, line));
            }
        }
        return result;
    }

    /// <summary>Maps one YAML fact to a <see cref="Fact"/>; shape problems are returned, rules are checked by <see cref="FactValidator"/>.</summary>
    internal static (Fact Fact, List<string> Problems) ToFact(YamlMappingNode map)
    {
        var fact = new Fact();
        var problems = new List<string>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = BoundedYaml.ScalarText(keyNode) ?? "";
            switch (key)
            {
                case "id": fact.Id = Scalar(valueNode, key, problems) ?? ""; break;
                case "kind": fact.Kind = Scalar(valueNode, key, problems) ?? ""; break;
                case "statement": fact.Statement = Scalar(valueNode, key, problems)?.Trim() ?? ""; break;
                case "claim": fact.Claim = Scalar(valueNode, key, problems); break;
                case "about": fact.About = List(valueNode, key, problems); break;
                case "keywords": fact.Keywords = List(valueNode, key, problems); break;
                case "cite":
                    if (valueNode is not YamlMappingNode cite)
                    {
                        problems.Add("'cite' must be a mapping with document and quote (or url and quote, or admin_note: true)");
                        break;
                    }
                    foreach (var (ck, cv) in cite.Children)
                    {
                        var citeKey = BoundedYaml.ScalarText(ck);
                        switch (citeKey)
                        {
                            case "document": fact.DocumentId = Scalar(cv, "cite.document", problems); break;
                            case "quote": fact.Quote = Scalar(cv, "cite.quote", problems); break;
                            case "url": fact.SourceUrl = Scalar(cv, "cite.url", problems); break;
                            case "admin_note": fact.AdminNote = string.Equals(Scalar(cv, "cite.admin_note", problems), "true", StringComparison.OrdinalIgnoreCase); break;
                            default: problems.Add($"unknown field 'cite.{citeKey}'"); break;
                        }
                    }
                    break;
                default:
                    if (valueNode is YamlMappingNode)
                        problems.Add($"field '{key}' must be a value or a list of values");
                    else
                        fact.Fields[key] = List(valueNode, key, problems);
                    break;
            }
        }
        return (fact, problems);
    }

    private static List<Entity> ReadAliases(string folder, List<LocatedFact> facts, List<KnowledgeError> errors)
    {
        var file = Path.Combine(folder, "aliases.yaml");
        var result = new List<Entity>();
        if (!File.Exists(file)) return result;
        var name = Rel(folder, file);
        var root = LoadYaml(file, name, errors);
        if (root is null) return result;
        if (root is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode("entities"), out var node) || node is not YamlSequenceNode sequence)
        {
            errors.Add(new KnowledgeError(name, Line(root), null, "expected a mapping with an 'entities:' list"));
            return result;
        }
        var used = UsedEntityNames(facts.Select(f => f.Fact));
        var aliasOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence)
        {
            var line = Line(item);
            if (item is not YamlMappingNode entityMap)
            {
                errors.Add(new KnowledgeError(name, line, null, "each entity must be a mapping with name, type and aliases"));
                continue;
            }
            var problems = new List<string>();
            var entity = new Entity { Origin = KnowledgeOrigin.Shipped };
            foreach (var (k, v) in entityMap.Children)
            {
                switch (BoundedYaml.ScalarText(k))
                {
                    case "name": entity.Name = Scalar(v, "name", problems) ?? ""; break;
                    case "type": entity.Type = Scalar(v, "type", problems) ?? "thing"; break;
                    case "aliases": entity.Aliases = List(v, "aliases", problems); break;
                    case var other: problems.Add($"unknown field '{other}'"); break;
                }
            }
            var id = entity.Name.Length > 0 ? entity.Name : null;
            foreach (var p in problems) errors.Add(new KnowledgeError(name, line, id, p));
            if (id is null)
            {
                errors.Add(new KnowledgeError(name, line, null, "missing field 'name'"));
                continue;
            }
            if (!names.Add(entity.Name))
                errors.Add(new KnowledgeError(name, line, id, "duplicate entity"));
            if (!used.Contains(entity.Name))
                errors.Add(new KnowledgeError(name, line, id, $"alias for an unknown entity: no fact mentions '{entity.Name}' in an entity field or 'about'"));
            foreach (var alias in entity.Aliases.Append(entity.Name))
            {
                var key = Text.TextFolding.Compact(alias);
                if (key.Length == 0)
                {
                    errors.Add(new KnowledgeError(name, line, id, $"alias '{alias}' has no letters or digits"));
                    continue;
                }
                if (aliasOwner.TryGetValue(key, out var owner) && owner != entity.Name)
                    errors.Add(new KnowledgeError(name, line, id, $"alias '{alias}' also names '{owner}'"));
                else
                    aliasOwner[key] = entity.Name;
            }
            result.Add(entity);
        }
        return result;
    }

    /// <summary>
    /// Validates <c>synonyms.yaml</c> against <paramref name="rules"/> (the question vocabulary's stop words and general
    /// synonyms). The bot folds words with the copy built into LmcBot.Core, so this checks the file before it is built in.
    /// </summary>
    private static void CheckSynonyms(string folder, SynonymRules rules, List<KnowledgeError> errors)
    {
        var file = Path.Combine(folder, DomainSynonyms.FileName);
        if (!File.Exists(file)) return;
        var (_, problems) = DomainSynonyms.Parse(File.ReadAllText(file), Rel(folder, file), rules);
        errors.AddRange(problems);
    }

    /// <summary>Entity names that facts mention in entity fields or <c>about</c>.</summary>
    public static HashSet<string> UsedEntityNames(IEnumerable<Fact> facts)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            used.UnionWith(fact.About);
            var kind = FactKind.Find(fact.Kind);
            if (kind is null) continue;
            foreach (var field in kind.Fields.Where(f => f.IsEntity))
                used.UnionWith(fact.GetList(field.Name));
        }
        return used;
    }

    private static void CheckClaims(List<LocatedFact> facts, Dictionary<string, KnowledgeDocument> documents, List<KnowledgeError> errors)
    {
        foreach (var located in facts)
        {
            var fact = located.Fact;
            if (fact.DocumentId is null || fact.Quote is null || !documents.TryGetValue(fact.DocumentId, out var document)) continue;
            var paragraph = FactValidator.FindQuote(document, fact.Quote);
            if (paragraph is null) continue;
            var grade = document.SourcesOf(paragraph)[0].Grade;
            if (grade != SourceGrade.Secondary) continue;
            var supported = fact.Claim is not null && facts.Any(other => other.Fact.Claim == fact.Claim && other.Fact != fact && GradeOf(other.Fact, documents) is { } g && SourceGrade.Rank(g) < SourceGrade.Rank(SourceGrade.Secondary));
            if (!supported)
                errors.Add(new KnowledgeError(located.File, located.Line, fact.Id,
                    "rests only on a secondary source: give it a 'claim' shared with a better-graded fact, or leave it out"));
        }
    }

    private static string? GradeOf(Fact fact, Dictionary<string, KnowledgeDocument> documents)
    {
        if (fact.DocumentId is null || fact.Quote is null || !documents.TryGetValue(fact.DocumentId, out var document)) return null;
        var paragraph = FactValidator.FindQuote(document, fact.Quote);
        return paragraph is null ? null : document.SourcesOf(paragraph)[0].Grade;
    }

    /// <summary>
    /// Largest facts or aliases file read, in characters: some 230 times the largest shipped file (35 KB,
    /// facts/framework-meetings.yaml), so an export of many thousand facts of one kind still loads.
    /// </summary>
    public const int MaxYamlFileChars = 8 * 1024 * 1024;

    private static YamlNode? LoadYaml(string file, string name, List<KnowledgeError> errors)
    {
        // Each character takes at least one UTF-8 byte, so a file at most this many bytes long is read and measured in characters.
        var bytes = new FileInfo(file).Length;
        if (bytes > 4L * MaxYamlFileChars)
        {
            errors.Add(new KnowledgeError(name, 1, null, string.Create(CultureInfo.InvariantCulture,
                $"invalid YAML: the file is {bytes / 1024:N0} KB; the limit is {MaxYamlFileChars:N0} characters")));
            return null;
        }
        var root = BoundedYaml.Load(File.ReadAllText(file), MaxYamlFileChars, "the file", out var problem);
        if (problem is not null)
        {
            errors.Add(new KnowledgeError(name, problem.Line, null, "invalid YAML: " + problem.Message));
            return null;
        }
        if (root is null) errors.Add(new KnowledgeError(name, 1, null, "the file is empty"));
        return root;
    }

    /// <summary>
    /// YamlDotNet's scanner throws <see cref="InvalidOperationException"/>, with no position, on some broken
    /// input (a list left open before the next field: <c>stops: [Kunming</c>); this is what the file's error says.
    /// </summary>
    internal const string UnplacedYamlError = "invalid YAML: a list or mapping is left open ('[' or '{' without its closing bracket) or similar; the YAML parser gives no line";

    private static string? Scalar(YamlNode node, string key, List<string> problems)
    {
        if (node is YamlScalarNode scalar) return scalar.Value;
        problems.Add($"field '{key}' must be a single value");
        return null;
    }

    private static List<string> List(YamlNode node, string key, List<string> problems)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return string.IsNullOrEmpty(scalar.Value) ? [] : [scalar.Value];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence)
                    if (item is YamlScalarNode s && s.Value is not null) list.Add(s.Value);
                    else problems.Add($"field '{key}' must be a list of plain values");
                return list;
            default:
                problems.Add($"field '{key}' must be a value or a list of values");
                return [];
        }
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string Rel(string folder, string file) =>
        Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), Path.GetRelativePath(folder, file)).Replace('\\', '/');
}
