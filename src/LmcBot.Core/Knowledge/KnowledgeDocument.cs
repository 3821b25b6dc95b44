using System.Text.RegularExpressions;

namespace LmcBot.Core.Knowledge;

/// <summary>A source document: front matter plus a Markdown body whose paragraphs carry source markers.</summary>
public sealed partial class KnowledgeDocument
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Language { get; set; } = "en";
    /// <summary>A note of where the document came from.</summary>
    public string? Note { get; set; }
    public string? Url { get; set; }
    public string? Published { get; set; }
    /// <summary>Grade of paragraphs that carry no source marker.</summary>
    public string Grade { get; set; } = SourceGrade.Article;
    public List<DocumentSource> Sources { get; set; } = [];
    /// <summary>The Markdown body, markers included (front matter excluded).</summary>
    public string Body { get; set; } = "";
    public KnowledgeOrigin Origin { get; set; }
    public string ContentHash { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    /// <summary>The paragraphs of the body last parsed, kept while <see cref="Body"/> is the same string.</summary>
    private sealed class ParsedBody(string body, IReadOnlyList<DocumentParagraph> paragraphs)
    {
        public string Body { get; } = body;
        public IReadOnlyList<DocumentParagraph> Paragraphs { get; } = paragraphs;
        /// <summary>Each paragraph's text as <see cref="QuoteText.Normalize"/> gives it, worked out on first use.</summary>
        public string?[] Normalized { get; } = new string?[paragraphs.Count];
    }

    private ParsedBody? _parsed;

    private ParsedBody Parsed()
    {
        var parsed = Volatile.Read(ref _parsed);
        if (parsed is null || !ReferenceEquals(parsed.Body, Body))
        {
            var body = Body;
            parsed = new ParsedBody(body, ParseParagraphs(body).AsReadOnly());
            Volatile.Write(ref _parsed, parsed);
        }
        return parsed;
    }

    /// <summary>Paragraphs of the body: blocks between blank lines, headings and front matter left out (parsed once per body).</summary>
    public IReadOnlyList<DocumentParagraph> Paragraphs() => Parsed().Paragraphs;

    /// <summary>The first paragraph whose quote-normalised text holds <paramref name="needle"/> (already normalised), or null.</summary>
    internal DocumentParagraph? FindNormalized(string needle)
    {
        var parsed = Parsed();
        for (var i = 0; i < parsed.Paragraphs.Count; i++)
            if ((parsed.Normalized[i] ??= QuoteText.Normalize(parsed.Paragraphs[i].Text)).Contains(needle, StringComparison.Ordinal))
                return parsed.Paragraphs[i];
        return null;
    }

    private static List<DocumentParagraph> ParseParagraphs(string body)
    {
        var result = new List<DocumentParagraph>();
        foreach (var block in ParagraphBreak().Split(body.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var text = block.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var keys = Marker().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            var clean = WhiteSpace().Replace(Marker().Replace(text, " "), " ").Trim();
            if (clean.Length > 0) result.Add(new DocumentParagraph(result.Count, clean, keys));
        }
        return result;
    }

    /// <summary>The sources behind a paragraph, best grade first (the document's own grade when it has none).</summary>
    public IReadOnlyList<DocumentSource> SourcesOf(DocumentParagraph paragraph)
    {
        var found = paragraph.SourceKeys
            .Select(key => Sources.FirstOrDefault(s => s.Key == key))
            .OfType<DocumentSource>()
            .OrderBy(s => SourceGrade.Rank(s.Grade))
            .ToList();
        if (found.Count == 0)
            found.Add(new DocumentSource { Key = "", Url = Url, Grade = Grade, Date = Published });
        return found;
    }

    /// <summary>Marker keys used in the body (for validation).</summary>
    public static IEnumerable<(string Key, int Offset)> MarkersIn(string body) =>
        Marker().Matches(body).Select(m => (m.Groups[1].Value, m.Index));

    [GeneratedRegex(@"\[\^([A-Za-z0-9][A-Za-z0-9_.-]*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
