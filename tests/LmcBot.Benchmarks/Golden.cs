using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;

namespace LmcBot.Benchmarks;

/// <summary>
/// Writes every answer the engine gives to a broad question set (the dev questions, every question in the
/// phrasing tests, the bad inputs, the synthetic mixes) and to the typed commands (route, city pairs,
/// investors, metrics, completion values), with the engine's explanation (its top-scored facts and their
/// scores), as one text file. Run before and after an engine change and diff: any difference is a
/// behaviour change.
/// </summary>
internal static partial class Golden
{
    public static int Run(string[] args)
    {
        var output = args.ElementAtOrDefault(0) ?? "golden.txt";
        var sizes = args.Skip(1).Select(int.Parse).DefaultIfEmpty(1000).ToList();
        var sb = new StringBuilder();
        var engine = new AnswerEngine();
        using (var shipped = new ShippedKnowledge())
        {
            var questions = Repo.DevQuestions().Concat(TestQuestions()).Concat(BadInputs.All.Values).ToList();
            Write(sb, "shipped", shipped.Index, questions, engine);
        }
        foreach (var size in sizes)
        {
            var synthetic = SyntheticKnowledge.Generate(size);
            Write(sb, $"synthetic-{size}", KnowledgeIndex.Build(synthetic.Content), synthetic.Questions, engine);
        }
        File.WriteAllText(output, sb.ToString());
        Console.WriteLine($"wrote {output} ({sb.Length:N0} characters)");
        return 0;
    }

    private static IEnumerable<string> TestQuestions()
    {
        var folder = Path.Combine(Repo.Root, "tests", "LmcBot.Core.Tests");
        foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            foreach (Match match in InlineQuestion().Matches(File.ReadAllText(file)))
                yield return Regex.Unescape(match.Groups[1].Value);
    }

    private static void Write(StringBuilder sb, string name, KnowledgeIndex index, IEnumerable<string> questions, AnswerEngine engine)
    {
        var options = new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        sb.AppendLine(CultureInfo.InvariantCulture, $"##### {name}: {index.FactCount} facts, {index.SentenceCount} sentences");
        foreach (var question in questions)
        {
            sb.AppendLine("Q " + JsonSerializer.Serialize(question.Length > 200 ? question[..200] + $"…({question.Length})" : question, options));
            sb.AppendLine("A " + JsonSerializer.Serialize(engine.Answer(question, index), options));
            sb.AppendLine(engine.Explain(question, index));
        }
        // Misspelt names: the fuzzy name matching and typo correction, tie-breaks included.
        var entities = index.Entities;
        var step = Math.Max(1, entities.Count / 300);
        for (var e = 0; e < entities.Count; e += step)
            foreach (var entityName in entities[e].Names.Take(2))
                foreach (var typo in Typos(entityName))
                {
                    sb.AppendLine("T " + JsonSerializer.Serialize(typo, options));
                    sb.AppendLine("A " + JsonSerializer.Serialize(engine.Answer($"Tell me about {typo}", index), options));
                    sb.AppendLine("A " + JsonSerializer.Serialize(engine.Answer($"when did {typo.ToLowerInvariant()} open", index), options));
                }
        foreach (var source in Enum.GetValues<CompletionSource>())
            sb.AppendLine(CultureInfo.InvariantCulture, $"V {source}: {string.Join(" | ", index.Values(source))}");
        foreach (var route in index.Values(CompletionSource.Routes).Take(200))
            if (index.EntityNamed(route) is { } entity)
                sb.AppendLine($"R {route}: " + JsonSerializer.Serialize(AnswerEngine.Route(index, entity), options));
        foreach (var city in index.Values(CompletionSource.Cities).Take(300))
            if (index.EntityNamed(city) is { } entity)
                sb.AppendLine($"C {city}: " + JsonSerializer.Serialize(AnswerEngine.CityPairs(index, entity, null, 0.95), options));
        var sectors = index.Values(CompletionSource.Sectors);
        foreach (var country in index.Values(CompletionSource.Countries))
            if (index.EntityNamed(country) is { } entity)
            {
                sb.AppendLine($"I {country}: " + JsonSerializer.Serialize(AnswerEngine.Investors(index, entity, null, null, 0.95), options));
                foreach (var sector in sectors.Take(5))
                    sb.AppendLine($"I {country}/{sector}: " + JsonSerializer.Serialize(AnswerEngine.Investors(index, entity, sector, null, 0.95), options));
            }
        foreach (var metric in index.Values(CompletionSource.Metrics).Take(100))
        {
            sb.AppendLine($"M {metric}: " + JsonSerializer.Serialize(AnswerEngine.Metric(index, metric, null), options));
            sb.AppendLine($"M {metric}/2022: " + JsonSerializer.Serialize(AnswerEngine.Metric(index, metric, 2022), options));
        }
    }

    private static IEnumerable<string> Typos(string name)
    {
        if (name.Length < 5) yield break;
        var middle = name.Length / 2;
        yield return name[..(middle - 1)] + name[middle] + name[middle - 1] + name[(middle + 1)..]; // transposed
        yield return name.Remove(middle, 1); // a letter dropped
        yield return name[..middle] + "x" + name[middle..]; // a letter added
        yield return name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()[..^1] + "e"; // run together, last letter changed
    }

    [GeneratedRegex("""\[InlineData\("((?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex InlineQuestion();
}
