using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Knowledge;

/// <summary>knowledge/synonyms.yaml is validated at ingest like the other knowledge files: each error names the file, the line and what is wrong.</summary>
public sealed class SynonymsFileTests
{
    [Fact]
    public void ShippedSynonyms_AreValid_AndIncludedInTheFolderHash()
    {
        var set = KnowledgeBase.ReadFolder(RepoPaths.Knowledge);
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        File.AppendAllText(Path.Combine(folder, DomainSynonyms.FileName), "  # a comment changes the bytes\n");

        Assert.NotEqual(set.ContentHash, KnowledgeFolderReader.HashFolder(folder));
    }

    [Fact]
    public void Read_ChecksTheFileAgainstTheRulesItIsGiven()
    {
        var waterIsAStopWord = new SynonymRules(word => word == "water", new Dictionary<string, string>());

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeFolderReader.Read(RepoPaths.Knowledge, waterIsAStopWord));

        Assert.All(error.Errors, e => Assert.Equal("knowledge/synonyms.yaml", e.File));
        Assert.Contains(error.Errors, e => e.Message.Contains("'river' is folded onto 'water', which is a stop word", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SynonymsThatAreNotAMapping_FailNamingTheFile()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        File.WriteAllText(Path.Combine(folder, DomainSynonyms.FileName), "- summit\n- leader\n");

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("knowledge/synonyms.yaml:1: expected a mapping with a 'synonyms:' mapping (and optionally 'phrases:')", problem.ToString());
    }

    [Fact]
    public void Read_SynonymsWithAnUnclosedList_FailNamingTheFile()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var path = Path.Combine(folder, DomainSynonyms.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("  river: water\n", "  river: [water\n", StringComparison.Ordinal));

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("knowledge/synonyms.yaml: " + KnowledgeFolderReader.UnplacedYamlError, problem.ToString());
    }

    [Theory]
    [InlineData("  river: water\n", "  river: 'water\n", "invalid YAML")]
    [InlineData("synonyms:\n", "synonym:\n", "unknown section 'synonym'")]
    [InlineData("  river: water\n", "  river: water\n  rivers: stream\n", "'rivers' is folded onto both 'water' (line 14) and 'stream'")]
    [InlineData("  ev: electric\n", "  ev: electric\n  electric: power\n", "'ev' is folded onto 'electric', which is itself folded onto 'power'")]
    [InlineData("  river: water\n", "  river: the\n", "'river' is folded onto 'the', which is a stop word")]
    [InlineData("  river: water\n", "  river: water resources\n", "must be one lower-case word folded onto one other")]
    // The question vocabulary folds "nation" onto "country"; a second target here contradicts it.
    [InlineData("  river: water\n", "  river: water\n  nations: member\n", "onto 'country' by the question vocabulary's synonyms")]
    // The question vocabulary folds "organization" onto "organisation"; folding that again here is a chain.
    [InlineData("  river: water\n", "  river: water\n  organisation: framework\n", "the question vocabulary folds 'organiz' onto 'organisation'")]
    [InlineData("  fmm: foreign ministers meeting\n", "  fmm: Foreign Ministers' Meeting\n", "must be lower-case words replaced by lower-case words")]
    [InlineData("  fmm: foreign ministers meeting\n", "  fmm: foreign ministers meeting\n  river: the river\n", "'river' is both a phrase and a synonym")]
    public void Read_BrokenSynonyms_FailsNamingFileLineAndProblem(string find, string replace, string message)
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        var path = Path.Combine(folder, DomainSynonyms.FileName);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeBase.ReadFolder(folder));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("knowledge/synonyms.yaml", problem.File);
        Assert.True(problem.Line > 0, $"no line in: {problem}");
        Assert.Contains(message, problem.Message);
    }
}
