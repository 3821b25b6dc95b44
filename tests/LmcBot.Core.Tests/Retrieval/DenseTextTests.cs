using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Tests.Retrieval;

public sealed class DenseTextTests
{
    private static Fact Route() => new()
    {
        Id = "starexpress-route",
        Kind = FactKind.Route,
        Statement = "The StarExpress train connects Kunming to Vientiane via Luang Prabang.",
        Fields = new(StringComparer.Ordinal)
        {
            ["stops"] = ["Kunming", "Luang Prabang", "Vientiane"],
            ["name"] = ["StarExpress"],
            ["first_run"] = ["2024"],
        },
        About = ["Laos"],
        Keywords = ["how long", "when"],
    };

    [Fact]
    public void ForFact_IsTheStatementThenItsFieldsInTheKindsOrder_ThenAbout_WithoutKeywords()
    {
        Assert.Equal(
            "The StarExpress train connects Kunming to Vientiane via Luang Prabang. Name: StarExpress. Stops: Kunming, Luang Prabang, Vientiane. First run: 2024. About: Laos.",
            DenseText.ForFact(Route()));
    }

    [Fact]
    public void ForFact_ManyLongFields_StaysWithinTheModelsWindow_AndKeepsTheStatement()
    {
        var fact = Route();
        fact.Fields["connects_to"] = Enumerable.Range(0, 200).Select(i => $"Station number {i}").ToList();

        var text = DenseText.ForFact(fact);

        Assert.True(text.Length <= DenseText.MaxCharacters, $"{text.Length} characters");
        Assert.StartsWith(fact.Statement, text);
        Assert.DoesNotContain("Station number", text);
    }

    [Fact]
    public void ForSentence_IsTrimmedAndCut()
    {
        Assert.Equal("A sentence.", DenseText.ForSentence("  A sentence. "));
        Assert.Equal(DenseText.MaxCharacters, DenseText.ForSentence(new string('x', 5000)).Length);
    }

    [Fact]
    public void Hash_IsSha256HexOfModelNewlineText_AndDependsOnTheModel()
    {
        // sha256("m\nabc"), computed independently.
        Assert.Equal(ExpectedHash, DenseText.Hash("m", "abc"));
        Assert.NotEqual(DenseText.Hash("m", "abc"), DenseText.Hash("n", "abc"));
    }

    private const string ExpectedHash = "272d2815d577097ea7c5d53938dcfe0dfb87ba41c9b8e899f99addaa68890cc4";
}
