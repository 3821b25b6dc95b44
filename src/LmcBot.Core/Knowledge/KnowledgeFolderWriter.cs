using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// Writes knowledge in the <c>knowledge/</c> file format that <see cref="KnowledgeFolderReader"/> reads: documents
/// (shipped and imported) with front matter, facts grouped by kind (removed ones left out), and aliases. Exporting and
/// reading back gives the same documents, facts and names.
/// </summary>
public static partial class KnowledgeFolderWriter
{
    /// <summary>The files of an export: relative path (with '/') to content, in a stable order.</summary>
    public static SortedDictionary<string, string> Files(KnowledgeContent content, DateTime exportedAt)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var stamp = exportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        foreach (var document in content.Documents.OrderBy(d => d.Id, StringComparer.Ordinal))
            files[$"documents/{document.Id}.md"] = DocumentText(document);

        var facts = content.Facts.Where(f => !f.Removed).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        foreach (var group in facts.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = new YamlSequenceNode(group.Select(FactNode));
            files[$"facts/{group.Key}.yaml"] =
                $"# {group.Key} facts exported by LmcBot on {stamp} (shipped and admin-added; removed facts left out).\n"
                + Yaml(new YamlMappingNode { { "facts", list } });
        }

        var used = KnowledgeFolderReader.UsedEntityNames(facts);
        var entities = content.Entities.Where(e => used.Contains(e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e =>
            {
                var node = new YamlMappingNode { { "name", Scalar(e.Name) }, { "type", Scalar(e.Type) } };
                if (e.Aliases.Count > 0) node.Add("aliases", List(e.Aliases));
                return node;
            });
        files["aliases.yaml"] = $"# Names and their variants, exported by LmcBot on {stamp}.\n"
            + Yaml(new YamlMappingNode { { "entities", new YamlSequenceNode(entities) } });
        return files;
    }

    /// <summary>Writes the files under <paramref name="folder"/> (created when missing).</summary>
    public static void Write(IReadOnlyDictionary<string, string> files, string folder)
    {
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    /// <summary>The files as a zip archive (for chat surfaces, which send one file).</summary>
    /// <param name="binaries">Generated binary files to add as they are (the vector file), by path.</param>
    public static byte[] Zip(IReadOnlyDictionary<string, string> files, DateTime exportedAt, IReadOnlyDictionary<string, byte[]>? binaries = null)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(exportedAt, DateTimeKind.Utc));
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
            foreach (var (name, bytes) in binaries ?? new Dictionary<string, byte[]>())
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(exportedAt, DateTimeKind.Utc));
                using var output = entry.Open();
                output.Write(bytes);
            }
        }
        return stream.ToArray();
    }

    private static string DocumentText(KnowledgeDocument document)
    {
        var front = new YamlMappingNode
        {
            { "id", Scalar(document.Id) },
            { "title", Quoted(document.Title) },
            { "language", Scalar(document.Language) },
        };
        if (document.Note is { Length: > 0 } note) front.Add("origin", Quoted(note));
        front.Add("grade", Scalar(document.Grade));
        if (document.Url is { Length: > 0 } url) front.Add("url", Scalar(url));
        if (document.Published is { Length: > 0 } published) front.Add("published", Scalar(published));
        if (document.Sources.Count > 0)
        {
            var sources = new YamlMappingNode();
            foreach (var source in document.Sources)
            {
                var node = new YamlMappingNode();
                if (source.Url is { Length: > 0 } sourceUrl) node.Add("url", Scalar(sourceUrl));
                node.Add("grade", Scalar(source.Grade));
                if (source.Date is { Length: > 0 } date) node.Add("date", Scalar(date));
                if (source.Publisher is { Length: > 0 } publisher) node.Add("publisher", Scalar(publisher));
                sources.Add(source.Key, node);
            }
            front.Add("sources", sources);
        }
        return "---\n" + Yaml(front) + "---\n" + document.Body.Trim('\n') + "\n";
    }

    private static YamlMappingNode FactNode(Fact fact)
    {
        var node = new YamlMappingNode
        {
            { "id", Scalar(fact.Id) },
            { "kind", Scalar(fact.Kind) },
            { "statement", Quoted(fact.Statement) },
        };
        var kind = FactKind.Find(fact.Kind);
        var order = (kind?.Fields.Select(f => f.Name) ?? []).Concat(fact.Fields.Keys.Order(StringComparer.Ordinal)).Distinct();
        foreach (var name in order)
        {
            if (!fact.Fields.TryGetValue(name, out var values) || values.Count == 0) continue;
            node.Add(name, kind?.Field(name)?.IsList == true || values.Count > 1 ? List(values) : Scalar(values[0]));
        }
        if (fact.About.Count > 0) node.Add("about", List(fact.About));
        if (fact.Keywords.Count > 0) node.Add("keywords", List(fact.Keywords));
        if (fact.Claim is { Length: > 0 } claim) node.Add("claim", Scalar(claim));
        var cite = new YamlMappingNode();
        if (fact.AdminNote) cite.Add("admin_note", new YamlScalarNode("true") { Style = ScalarStyle.Plain });
        if (fact.DocumentId is { Length: > 0 } document) cite.Add("document", Scalar(document));
        if (fact.SourceUrl is { Length: > 0 } url) cite.Add("url", Scalar(url));
        if (fact.Quote is { Length: > 0 } quote) cite.Add("quote", Quoted(quote));
        node.Add("cite", cite);
        return node;
    }

    private static YamlSequenceNode List(IEnumerable<string> values) =>
        new(values.Select(Scalar)) { Style = SequenceStyle.Flow };

    /// <summary>Plain when YAML reads it back as the same text without surprise, else double-quoted.</summary>
    private static YamlScalarNode Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Reserved.Contains(value)
            ? new YamlScalarNode(value) { Style = ScalarStyle.Plain }
            : Quoted(value);

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "yes", "no", "on", "off", "y", "n", "null" };

    private static string Yaml(YamlNode root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        // The stream ends each document with "..."; a front matter or a file needs only the mapping.
        if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
        return text.EndsWith('\n') ? text : text + "\n";
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 ._/()-]*[A-Za-z0-9.)]$|^[A-Za-z]$")]
    private static partial Regex PlainSafe();
}
