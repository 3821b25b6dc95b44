using System.Globalization;
using System.Text.RegularExpressions;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// The rules every fact must meet, whether it comes from the shipped files, an export or an admin
/// command: a known kind with its required fields, well-formed values, and a checkable source.
/// </summary>
public static partial class FactValidator
{
    public const int MaxStatementLength = 1000;
    public const int MaxFieldLength = 500;
    public const int MaxQuoteLength = 2000;

    public static IReadOnlyList<string> Validate(Fact fact, Func<string, KnowledgeDocument?> findDocument)
    {
        var errors = new List<string>();
        if (!IdPattern().IsMatch(fact.Id))
            errors.Add($"fact id '{fact.Id}' must be 1-80 lowercase letters, digits and hyphens");
        var kind = FactKind.Find(fact.Kind);
        if (kind is null)
        {
            errors.Add($"unknown kind '{fact.Kind}' (known: {string.Join(", ", FactKind.All.Select(k => k.Name))})");
            return errors;
        }
        if (string.IsNullOrWhiteSpace(fact.Statement))
            errors.Add("missing field 'statement'");
        else if (fact.Statement.Length > MaxStatementLength)
            errors.Add($"statement is {fact.Statement.Length} characters; at most {MaxStatementLength}");

        foreach (var field in kind.Fields.Where(f => f.Required))
            if (!fact.Fields.TryGetValue(field.Name, out var v) || v.Count == 0 || v.All(string.IsNullOrWhiteSpace))
                errors.Add($"missing field '{field.Name}' (required for kind {kind.Name})");

        foreach (var (name, values) in fact.Fields)
        {
            var field = kind.Field(name);
            if (field is null)
            {
                errors.Add($"unknown field '{name}' for kind {kind.Name} (known: {string.Join(", ", kind.Fields.Select(f => f.Name))})");
                continue;
            }
            if (!field.IsList && values.Count > 1)
                errors.Add($"field '{name}' takes one value, not a list");
            foreach (var value in values)
            {
                if (value.Length > MaxFieldLength)
                    errors.Add($"field '{name}' is {value.Length} characters; at most {MaxFieldLength}");
                else if (field.IsDate && !IsDate(value))
                    errors.Add($"field '{name}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '{value}'");
                else if (field.IsNumber && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    errors.Add($"field '{name}' must be a number, not '{value}'");
            }
        }
        foreach (var value in fact.About.Concat(fact.Keywords))
            if (value.Length > MaxFieldLength)
                errors.Add($"'{value[..40]}…' is longer than {MaxFieldLength} characters");

        ValidateSource(fact, findDocument, errors);
        return errors;
    }

    private static void ValidateSource(Fact fact, Func<string, KnowledgeDocument?> findDocument, List<string> errors)
    {
        var hasDocument = !string.IsNullOrWhiteSpace(fact.DocumentId);
        var hasUrl = !string.IsNullOrWhiteSpace(fact.SourceUrl);
        if (fact.AdminNote)
        {
            if (hasDocument || hasUrl)
                errors.Add("an admin note has no source; give either a source or admin_note, not both");
            return;
        }
        if (!hasDocument && !hasUrl)
        {
            errors.Add("missing source: give a document and quote, a URL and quote, or mark it an admin note");
            return;
        }
        if (hasDocument && hasUrl)
            errors.Add("give either a document or a URL as the source, not both");
        if (string.IsNullOrWhiteSpace(fact.Quote))
        {
            errors.Add("missing quote: the exact words that support the fact");
            return;
        }
        if (fact.Quote.Length > MaxQuoteLength)
        {
            errors.Add($"quote is {fact.Quote.Length} characters; at most {MaxQuoteLength}");
            return;
        }
        if (hasUrl && !(Uri.TryCreate(fact.SourceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"source URL '{fact.SourceUrl}' must be an absolute http(s) address");
        if (!hasDocument) return;
        var document = findDocument(fact.DocumentId!);
        if (document is null)
        {
            errors.Add($"cites unknown document '{fact.DocumentId}'");
            return;
        }
        if (FindQuote(document, fact.Quote) is null)
            errors.Add($"quote \"{Shorten(fact.Quote)}\" does not occur in document '{document.Id}'");
    }

    /// <summary>The paragraph of <paramref name="document"/> that holds <paramref name="quote"/>, or null.</summary>
    public static DocumentParagraph? FindQuote(KnowledgeDocument document, string quote)
    {
        var needle = QuoteText.Normalize(quote);
        if (needle.Length == 0) return null;
        return document.FindNormalized(needle);
    }

    public static bool IsDate(string value) => DatePattern().IsMatch(value);

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex DatePattern();
}
