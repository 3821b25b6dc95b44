using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LmcBot.Core.Knowledge;

/// <summary>Parses a Markdown document with optional YAML front matter into a <see cref="KnowledgeDocument"/>.</summary>
public static partial class MarkdownDocumentParser
{
    /// <summary>The parsed document (null only when nothing usable was read) and the problems found; use the document only when there are none.</summary>
    public sealed record Result(KnowledgeDocument? Document, IReadOnlyList<KnowledgeError> Errors);

    /// <summary>
    /// Longest front matter accepted, in characters: 8 times the longest shipped one (7.7 KB, lmc-framework-meetings.md),
    /// room for some 250 sources.
    /// </summary>
    public const int MaxFrontMatterChars = 64 * 1024;

    /// <param name="requireFrontMatter">Shipped documents must declare id and title; imports may infer them.</param>
    public static Result Parse(string text, string fileName, KnowledgeOrigin origin, bool requireFrontMatter = true)
    {
        var errors = new List<KnowledgeError>();
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var document = new KnowledgeDocument { Origin = origin, ContentHash = Hash(text) };
        var body = text;
        var bodyLineOffset = 0;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            if (end < 0)
                return new Result(null, [new KnowledgeError(fileName, 1, null, "front matter starts with '---' but never ends")]);
            var yaml = text[4..(end + 1)];
            var afterFence = text.IndexOf('\n', end + 4);
            body = afterFence < 0 ? "" : text[(afterFence + 1)..];
            bodyLineOffset = text[..(afterFence < 0 ? text.Length : afterFence)].Count(c => c == '\n') + 1;
            ReadFrontMatter(yaml, document, fileName, errors);
        }
        else if (requireFrontMatter)
        {
            errors.Add(new KnowledgeError(fileName, 1, null, "missing front matter (--- id, title, language ---)"));
        }
        document.Body = body.Trim('\n');

        if (requireFrontMatter)
        {
            if (string.IsNullOrWhiteSpace(document.Id)) errors.Add(new KnowledgeError(fileName, 1, null, "missing field 'id' in front matter"));
            if (string.IsNullOrWhiteSpace(document.Title)) errors.Add(new KnowledgeError(fileName, 1, null, "missing field 'title' in front matter"));
        }
        if (document.Id.Length > 0 && !FactValidator.IsValidId(document.Id))
            errors.Add(new KnowledgeError(fileName, 1, document.Id, "document id must be lowercase letters, digits and hyphens"));

        var keys = document.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, offset) in KnowledgeDocument.MarkersIn(body))
            if (!keys.Contains(key))
                errors.Add(new KnowledgeError(fileName, bodyLineOffset + body[..offset].Count(c => c == '\n') + 1, document.Id.Length > 0 ? document.Id : null,
                    $"source marker [^{key}] has no entry under 'sources' in the front matter"));
        if (document.Paragraphs().Count == 0)
            errors.Add(new KnowledgeError(fileName, bodyLineOffset + 1, document.Id.Length > 0 ? document.Id : null, "the document has no text"));
        // The document is returned even with errors, so facts that cite it are checked against its text
        // instead of failing as "unknown document" (one mistake, one message).
        return new Result(document.Id.Length > 0 || errors.Count == 0 ? document : null, errors);
    }

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static void ReadFrontMatter(string yaml, KnowledgeDocument document, string fileName, List<KnowledgeError> errors)
    {
        // Front matter comes from admins' uploads too: bounded before any parser sees it, so no file can take the host down.
        var root = BoundedYaml.Load(yaml, MaxFrontMatterChars, "the front matter", out var problem);
        if (problem is not null)
        {
            errors.Add(new KnowledgeError(fileName, problem.Line + 1, null, "invalid front matter: " + problem.Message));
            return;
        }
        if (root is not YamlMappingNode map)
        {
            errors.Add(new KnowledgeError(fileName, 2, null, "front matter must be a YAML mapping (id: …, title: …), not " + (root is null ? "empty" : BoundedYaml.Describe(root))));
            return;
        }
        foreach (var (k, v) in map.Children)
        {
            // BoundedYaml refuses lists and mappings as keys, so every key is a scalar.
            var key = BoundedYaml.ScalarText(k) ?? "";
            var line = (int)k.Start.Line + 1;
            string? Value()
            {
                if (v is YamlScalarNode scalar) return scalar.Value;
                errors.Add(new KnowledgeError(fileName, line, null, $"front matter field '{key}' must be a single value, not {BoundedYaml.Describe(v)}"));
                return null;
            }
            switch (key)
            {
                case "id": document.Id = Value() ?? ""; break;
                case "title": document.Title = Value() ?? ""; break;
                case "language": document.Language = Value() ?? "en"; break;
                case "origin": document.Note = Value(); break;
                case "url": document.Url = Value(); break;
                case "published": document.Published = Value(); break;
                case "grade":
                    var grade = Value();
                    if (grade is null) break;
                    if (!SourceGrade.IsKnown(grade))
                        errors.Add(new KnowledgeError(fileName, line, null, $"unknown grade '{grade}' (known: {string.Join(", ", SourceGrade.All)})"));
                    else document.Grade = grade;
                    break;
                case "sources":
                    if (v is not YamlMappingNode sources)
                    {
                        errors.Add(new KnowledgeError(fileName, line, null, "'sources' must be a mapping of key to url, grade, date, publisher"));
                        break;
                    }
                    foreach (var (sk, sv) in sources.Children)
                        ReadSource(BoundedYaml.ScalarText(sk) ?? "", sv, (int)sk.Start.Line + 1, document, fileName, errors);
                    break;
                default:
                    errors.Add(new KnowledgeError(fileName, line, null, $"unknown front matter field '{key}'"));
                    break;
            }
        }
    }

    private static void ReadSource(string key, YamlNode node, int line, KnowledgeDocument document, string fileName, List<KnowledgeError> errors)
    {
        if (!SourceKey().IsMatch(key))
            errors.Add(new KnowledgeError(fileName, line, null, $"source key '{key}' must be letters, digits, '.', '_' or '-'"));
        if (node is not YamlMappingNode map)
        {
            errors.Add(new KnowledgeError(fileName, line, null, $"source '{key}' must be a mapping with url, grade, date"));
            return;
        }
        var source = new DocumentSource { Key = key, Grade = "" };
        foreach (var (k, v) in map.Children)
        {
            var field = BoundedYaml.ScalarText(k) ?? "";
            var fieldLine = (int)k.Start.Line + 1;
            if (field is "url" or "grade" or "date" or "publisher" && v is not YamlScalarNode)
            {
                errors.Add(new KnowledgeError(fileName, fieldLine, null, $"field '{field}' of source '{key}' must be a single value, not {BoundedYaml.Describe(v)}"));
                continue;
            }
            var value = BoundedYaml.ScalarText(v);
            switch (field)
            {
                case "url": source.Url = value; break;
                case "grade": source.Grade = value ?? ""; break;
                case "date": source.Date = value; break;
                case "publisher": source.Publisher = value; break;
                default: errors.Add(new KnowledgeError(fileName, fieldLine, null, $"unknown field '{field}' in source '{key}'")); break;
            }
        }
        if (!SourceGrade.IsKnown(source.Grade))
            errors.Add(new KnowledgeError(fileName, line, null, $"source '{key}' has grade '{source.Grade}' (known: {string.Join(", ", SourceGrade.All)})"));
        if (source.Url is not null && !Uri.TryCreate(source.Url, UriKind.Absolute, out _))
            errors.Add(new KnowledgeError(fileName, line, null, $"source '{key}' has an invalid url '{source.Url}'"));
        if (document.Sources.Any(s => s.Key == key))
            errors.Add(new KnowledgeError(fileName, line, null, $"duplicate source '{key}'"));
        document.Sources.Add(source);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex SourceKey();
}
