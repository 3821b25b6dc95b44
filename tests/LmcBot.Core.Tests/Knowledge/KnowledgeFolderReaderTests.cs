using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Knowledge;

/// <summary>Validation of knowledge files: every error names the file, the line or fact id, and what is wrong.</summary>
public sealed class KnowledgeFolderReaderTests
{
    [Fact]
    public void Read_ShippedKnowledge_IsValid()
    {
        var set = KnowledgeBase.ReadFolder(RepoPaths.Knowledge);

        Assert.True(set.Documents.Count >= 7, "the seed article and six reference documents");
        Assert.True(set.Facts.Count >= 100);
        Assert.Contains(set.Facts, f => f.Id == "starexpress-route");
        Assert.All(set.Facts, f => Assert.NotNull(FactValidator.FindQuote(set.Documents.Single(d => d.Id == f.DocumentId), f.Quote!)));
    }

    [Fact]
    public void Read_EveryFactKindOfTheIssue_IsPresent()
    {
        var kinds = KnowledgeBase.ReadFolder(RepoPaths.Knowledge).Facts.Select(f => f.Kind).ToHashSet();

        foreach (var kind in new[] { "organisation", "route", "investment", "citypair", "figure", "place", "meeting", "fund" })
            Assert.Contains(kind, kinds);
    }

    public static TheoryData<string, string, string> Breakages() => new()
    {
        // file to change, text to replace, replacement | expected words in the error
        { "facts/seed-article.yaml", "kind: route\n    statement: \"The StarExpress", "kind: railroute\n    statement: \"The StarExpress" },
        { "facts/seed-article.yaml", "    investor: GAC\n", "" },
        { "facts/seed-article.yaml", "id: gac-thailand", "id: byd-thailand" },
        { "facts/seed-article.yaml", "connects Kunming to Vientiane via Luang Prabang, offering", "connects Kunming to Hanoi via Luang Prabang, offering" },
        { "facts/seed-article.yaml", "launched: \"2024\"", "launched: \"last year\"" },
        { "aliases.yaml", "  - name: Wanzhou\n", "  - name: Atlantis\n    type: city\n    aliases: [\"Lost City\"]\n  - name: Wanzhou\n" },
        { "aliases.yaml", "aliases: [\"Wanzhou District\"", "aliases: [\"Canton\", \"Wanzhou District\"" },
        { "documents/lmc-seed-article.md", "Infrastructure connectivity remains a key pillar.", "Infrastructure connectivity remains a key pillar. [^nowhere]" },
        { "facts/seed-article.yaml", "facts:\n", "facts:\n  - [not, a, mapping]\n" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Read_BrokenFile_FailsNamingFileAndProblem(string file, string find, string replace)
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        Assert.NotEmpty(error.Errors);
        Assert.All(error.Errors, e => Assert.EndsWith(Path.GetFileName(file), e.File));
        Assert.All(error.Errors, e => Assert.True(e.Line is > 0 || e.Id is not null, $"no line or id in: {e}"));
    }

    [Theory]
    [InlineData("kind: route\n    statement: \"The StarExpress", "kind: railroute\n    statement: \"The StarExpress", "unknown kind 'railroute'")]
    [InlineData("    investor: GAC\n", "", "missing field 'investor'")]
    [InlineData("id: gac-thailand", "id: byd-thailand", "duplicate fact id")]
    [InlineData("connects Kunming to Vientiane via Luang Prabang, offering", "connects Kunming to Hanoi via Luang Prabang, offering", "does not occur in document 'lmc-seed-article'")]
    [InlineData("launched: \"2024\"", "launched: \"last year\"", "must be a date")]
    public void Read_BrokenFact_SaysWhatIsWrong(string find, string replace, string message)
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var path = Path.Combine(folder, "facts", "seed-article.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(find, replace));

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        Assert.Contains(error.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnclosedListBeforeTheNextField_IsInvalidYaml_NotACrash()
    {
        // YamlDotNet's scanner throws InvalidOperationException, without a position, on this input: ingest crashed with
        // "Operation is not valid due to the current state of the object" instead of naming the file.
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var path = Path.Combine(folder, "facts", "seed-article.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains("stops: [Kunming]\n", text);
        File.WriteAllText(path, text.Replace("stops: [Kunming]\n", "stops: [Kunming\n"));

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        // The file's facts are then missing, so aliases of the entities only they name are reported too.
        Assert.Contains(error.Errors, e => e.File == "knowledge/facts/seed-article.yaml" && e.Line is not null && e.Message.StartsWith("invalid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AliasOfUnknownEntity_IsRejected()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        File.AppendAllText(Path.Combine(folder, "aliases.yaml"), "  - name: Atlantis\n    type: city\n    aliases: [\"Lost City\"]\n");

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("Atlantis", problem.Id);
        Assert.Contains("unknown entity", problem.Message);
    }

    [Fact]
    public void Read_SecondaryOnlyFactWithoutClaim_IsRejected()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        File.WriteAllText(Path.Combine(folder, "documents", "rumour.md"),
            "---\nid: rumour\ntitle: Rumour\nlanguage: en\nsources:\n  blog:\n    url: https://blog.example/x\n    grade: secondary\n    date: 2024\n---\nThe StarExpress has a swimming pool. [^blog]\n");
        File.WriteAllText(Path.Combine(folder, "facts", "rumour.yaml"),
            "facts:\n  - id: starexpress-pool\n    kind: note\n    statement: The StarExpress has a swimming pool.\n    subject: StarExpress\n    cite:\n      document: rumour\n      quote: The StarExpress has a swimming pool.\n");

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        Assert.Contains(error.Errors, e => e.Id == "starexpress-pool" && e.Message.Contains("secondary", StringComparison.Ordinal));
    }
    [Theory]
    [InlineData("facts:\n  - id: x\n    about: ", 60_000, "facts/hostile.yaml:3: invalid YAML: the file nests more than 16 levels of [ ] or { }")]
    [InlineData("facts:\n  - ? &k [*k]\n    : v\n", 0, "facts/hostile.yaml:2: invalid YAML: the file uses the anchor &k")]
    [InlineData("facts:\n  - [id]: x\n", 0, "facts/hostile.yaml:2: invalid YAML: the file uses a list as a key")]
    [InlineData("facts:\n  - id: x\n    cite:\n      {document: d}: x\n", 0, "facts/hostile.yaml:4: invalid YAML: the file uses a mapping as a key")]
    [InlineData("facts: [unclosed\n", 0, "invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'")]
    public void Read_HostileYamlFile_FailsNamingTheProblem_InsteadOfCrashing(string yaml, int brackets, string expected)
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        File.WriteAllText(Path.Combine(folder, "facts", "hostile.yaml"), yaml + new string('[', brackets));

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        Assert.Contains(error.Errors, e => e.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
