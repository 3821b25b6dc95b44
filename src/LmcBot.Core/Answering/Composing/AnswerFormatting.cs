using System.Globalization;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Composing;

/// <summary>How facts read in answers: figures with units, dates, field labels, disputed versions.</summary>
internal static class AnswerFormatting
{
    private static readonly string[] Currencies = ["USD", "CNY", "RMB", "THB", "EUR", "LAK", "VND", "KHR", "MMK", "yuan", "baht"];

    /// <summary>"USD 437 billion", "3,000 product categories", "about 422 km".</summary>
    public static string Figure(Fact fact)
    {
        var raw = fact.Get("value") ?? "";
        var unit = fact.Get("unit") ?? "";
        var number = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v.ToString(v == Math.Floor(v) ? "#,0" : "#,0.###", CultureInfo.InvariantCulture)
            : raw;
        var parts = unit.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        string text;
        if (parts.Length > 0 && Currencies.Contains(parts[0], StringComparer.OrdinalIgnoreCase))
            text = parts.Length == 2 ? $"{parts[0]} {number} {parts[1]}" : $"{parts[0]} {number}";
        else
            text = unit.Length > 0 ? $"{number} {unit}" : number;
        if (fact.Get("qualifier") is { Length: > 0 } qualifier && qualifier.Split(' ').Length == 1)
            text = $"{qualifier} {text}";
        return text;
    }

    /// <summary>"in 2022", "on 2021-12-03", "as of 2024-12"; empty when the fact has no date.</summary>
    public static string When(Fact fact)
    {
        if (fact.Get("year") is { } year) return year.Length == 4 ? $"in {year}" : $"as of {year}";
        if (fact.Get("date") is { } date) return date.Length == 10 ? $"on {date}" : $"in {date}";
        return "";
    }

    public static string DateOf(Fact fact) => fact.Get("year") ?? fact.Get("date") ?? fact.SortDate() ?? "undated";

    /// <summary>The typed fields worth showing beside the statement.</summary>
    public static List<AnswerField> Fields(Fact fact)
    {
        var kind = FactKind.Find(fact.Kind);
        var fields = new List<AnswerField>();
        if (kind is null) return fields;
        if (fact.Kind == FactKind.Figure)
        {
            fields.Add(new AnswerField("Value", Figure(fact)));
            if ((fact.Get("year") ?? fact.Get("date")) is { } when) fields.Add(new AnswerField("As of", when));
            if (fact.Get("change") is { } change) fields.Add(new AnswerField("Change", fact.Get("change_basis") is { } basis ? $"{change} (vs {basis})" : change));
            return fields;
        }
        foreach (var field in kind.Fields)
        {
            var values = fact.GetList(field.Name);
            if (values.Count == 0) continue;
            var separator = field.Name == "stops" ? " → " : ", ";
            fields.Add(new AnswerField(field.Label, string.Join(separator, values)));
        }
        return fields;
    }

    /// <summary>"(official source, Xinhua, 2022-04-11)" for a version of a disputed claim.</summary>
    public static string Provenance(Citation? citation)
    {
        if (citation is null) return "";
        var parts = new List<string> { SourceGrade.Describe(citation.Grade) };
        if (!string.IsNullOrEmpty(citation.Publisher)) parts.Add(citation.Publisher);
        if (!string.IsNullOrEmpty(citation.SourceDate) && citation.SourceDate != "n.d.") parts.Add(citation.SourceDate);
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>"china-mekong-trade" in the words the facts use: "China-Mekong trade".</summary>
    public static string MetricLabel(string metric, IEnumerable<Fact> facts)
    {
        var words = metric.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', facts.Select(f => f.Statement));
        var result = new List<string>();
        foreach (var word in words)
        {
            var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            result.Add(at >= 0 ? text.Substring(at, word.Length) : word);
        }
        var label = string.Join(' ', result);
        // Rejoin pairs written with a hyphen in the facts ("China Mekong" -> "China-Mekong").
        for (var i = 0; i + 1 < result.Count; i++)
        {
            var pair = result[i] + "-" + result[i + 1];
            if (text.Contains(pair, StringComparison.Ordinal))
                label = label.Replace(result[i] + " " + result[i + 1], pair, StringComparison.Ordinal);
        }
        return label;
    }

    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
