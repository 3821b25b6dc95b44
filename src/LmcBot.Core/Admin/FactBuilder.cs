using System.Globalization;
using System.Text;
using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

namespace LmcBot.Core.Admin;

/// <summary>
/// Turns <c>kb add &lt;kind&gt;</c> options into a fact: typed fields (entity names resolved to their canonical
/// spelling), a generated one-sentence statement when none is given, and a readable id.
/// </summary>
internal static class FactBuilder
{
    /// <summary>Options every <c>kb add</c> takes that are not typed fields.</summary>
    public static readonly HashSet<string> SourceOptions = new(StringComparer.Ordinal) { "document", "quote", "url", "admin_note", "statement", "id" };

    /// <summary>Options whose name differs from the field they fill.</summary>
    private static readonly Dictionary<(string Kind, string Option), string> Renamed = new()
    {
        [(FactKind.Investment, "date")] = "announced",
        [(FactKind.Note, "text")] = "statement",
    };

    /// <summary>Builds the fact, or says which option is wrong. Names the resolver changed are reported in <paramref name="renamed"/>.</summary>
    /// <param name="optionNames">The options the <c>kb add</c> command of this kind declares, in order.</param>
    public static Fact? FromOptions(string kindName, IEnumerable<string> optionNames, IReadOnlyDictionary<string, string> options,
        KnowledgeIndex index, List<string> renamed, out string? error)
    {
        error = null;
        var kind = FactKind.Find(kindName)!;
        var fact = new Fact { Kind = kind.Name, Origin = KnowledgeOrigin.Admin };
        foreach (var optionName in optionNames)
        {
            if (SourceOptions.Contains(optionName)) continue;
            if (Value(options, optionName) is not { } value) continue;
            var fieldName = Renamed.GetValueOrDefault((kind.Name, optionName), optionName);
            if (fieldName == "statement")
            {
                fact.Statement = value;
                continue;
            }
            var field = kind.Field(fieldName);
            if (field is null)
            {
                error = $"'{optionName}' is not a field of a {kind.Name} fact.";
                return null;
            }
            fact.Fields[field.Name] = FieldValues(field, value, index, renamed);
        }
        if (Value(options, "statement") is { } statement) fact.Statement = statement;
        if (string.IsNullOrWhiteSpace(fact.Statement)) fact.Statement = Statement(fact, index) ?? "";

        fact.DocumentId = Value(options, "document");
        fact.Quote = Value(options, "quote");
        fact.SourceUrl = Value(options, "url");
        fact.AdminNote = string.Equals(Value(options, "admin_note"), "true", StringComparison.OrdinalIgnoreCase);
        return fact;
    }

    public static string? Value(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A field's values from option text: lists split on commas, entity names in their canonical spelling.</summary>
    public static List<string> FieldValues(FactField field, string value, KnowledgeIndex index, List<string> renamed)
    {
        var values = field.IsList
            ? value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [value.Trim()];
        if (field.IsEntity) values = values.Select(v => CanonicalName(v, index, renamed)).ToList();
        return values;
    }

    /// <summary>"viangchan" and "Vientiane Capital" become "Vientiane": an entity field names the entity the way the knowledge base does.</summary>
    public static string CanonicalName(string name, KnowledgeIndex index, List<string> renamed)
    {
        var key = TextFolding.Compact(name);
        if (key.Length == 0) return name;
        foreach (var entity in index.Entities)
            if (entity.Names.Any(n => TextFolding.Compact(n) == key))
            {
                if (!string.Equals(entity.Name, name, StringComparison.Ordinal)) renamed.Add($"\"{name}\" → {entity.Name}");
                return entity.Name;
            }
        return name;
    }

    /// <summary>The generated one-sentence statement of a fact of an addable kind, or null for other kinds.</summary>
    public static string? Statement(Fact fact, KnowledgeIndex index)
    {
        string? F(string name) => fact.Get(name);
        switch (fact.Kind)
        {
            case FactKind.CityPair:
            {
                string a = F("city_a") ?? "", b = F("city_b") ?? "", date = F("date") is { } d ? FactDate.Readable(d) : "";
                var text = F("status") switch
                {
                    "letter of intent" => $"{a} and {b} signed a letter of intent on partner-city relations" + (date.Length > 0 ? $" {On(F("date")!)} {date}" : ""),
                    "friendly relations" => $"{a} and {b} have friendly relations" + (date.Length > 0 ? $" since {date}" : ""),
                    var status => $"{a} and {b} are {Plural(status ?? "partner city")}" + (date.Length > 0 ? $" since {date}" : ""),
                };
                return text + ".";
            }
            case FactKind.Investment:
            {
                var text = $"{F("investor")} invests in {F("sector")} in {F("country")}";
                if (F("place") is { } place) text += $", at {place}";
                if (F("amount") is { } amount) text += $" ({amount})";
                if (F("announced") is { } announced) text += $"; announced {On(announced)} {FactDate.Readable(announced)}";
                return text + ".";
            }
            case FactKind.Route:
            {
                var stops = fact.GetList("stops");
                var text = stops.Count switch
                {
                    0 => $"{F("name")} is a route",
                    1 => $"{F("name")} stops at {stops[0]}",
                    2 => $"{F("name")} runs from {stops[0]} to {stops[1]}",
                    _ => $"{F("name")} runs from {stops[0]} to {stops[^1]} via {AnswerFormatting.JoinAnd(stops.Skip(1).Take(stops.Count - 2).ToList())}",
                };
                if (F("launched") is { } launched) text += $", launched {On(launched)} {FactDate.Readable(launched)}";
                if (F("operator") is { } op) text += $", operated by {op}";
                return text + ".";
            }
            case FactKind.Figure:
            {
                var metric = F("metric") ?? "";
                var series = index.Metrics.TryGetValue(metric, out var ids) ? ids.Select(i => index.Facts[i].Fact).ToList() : [];
                var label = AnswerFormatting.MetricLabel(metric, series);
                if (F("subject") is { } subject && !label.Contains(subject, StringComparison.OrdinalIgnoreCase)) label += $" ({subject})";
                var text = $"{Capitalise(label)} was {AnswerFormatting.Figure(fact)}";
                if (F("year") is { } year) text += $" {On(year)} {FactDate.Readable(year)}";
                if (F("change") is { } change) text += $" ({change})";
                return text + ".";
            }
            case FactKind.Place:
            {
                var type = F("type") ?? "place";
                var text = $"{F("name")} is {Article(type)} {type}";
                if (F("location") is { } location) text += $" in {location}";
                if (F("role") is { } role) text += $": {role}";
                return text.TrimEnd('.') + ".";
            }
            default:
                return null;
        }
    }

    /// <summary>A readable id from the fact's key fields ("nanning-vientiane-friendship-city"); <paramref name="taken"/> decides clashes.</summary>
    public static string NewId(Fact fact, Func<string, bool> taken)
    {
        string?[] parts = fact.Kind switch
        {
            FactKind.CityPair => [fact.Get("city_a"), fact.Get("city_b"), fact.Get("status")],
            FactKind.Investment => [fact.Get("investor"), fact.Get("country"), fact.Get("sector")],
            FactKind.Route => [fact.Get("name"), "route"],
            FactKind.Figure => [fact.Get("metric"), fact.Get("year")],
            FactKind.Place => [fact.Get("name")],
            _ => [fact.Get("subject"), string.Join(' ', TextFolding.Tokens(fact.Statement)
                .Where(w => !Lexicon.StopWords.Contains(Stemmer.Stem(w)) && !TextFolding.Tokens(fact.Get("subject")).Contains(w)).Take(4))],
        };
        var slug = Slug(string.Join(' ', parts.OfType<string>()), 60);
        if (slug.Length == 0) slug = fact.Kind;
        var id = slug;
        for (var n = 2; taken(id); n++) id = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        return id;
    }

    /// <summary>Lowercase ASCII letters and digits joined by hyphens, at most <paramref name="max"/> characters.</summary>
    public static string Slug(string text, int max)
    {
        var sb = new StringBuilder();
        foreach (var c in TextFolding.Fold(text))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > max) slug = slug[..max].TrimEnd('-');
        return slug;
    }

    private static string On(string date) => date.Length == 10 ? "on" : "in";

    private static string Plural(string status) =>
        status.EndsWith("city", StringComparison.Ordinal) ? status[..^4] + "cities"
        : status.EndsWith('y') ? status[..^1] + "ies"
        : status + "s";

    private static string Article(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0]) ? "an" : "a";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
