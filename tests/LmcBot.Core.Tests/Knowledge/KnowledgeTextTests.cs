using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Tests.Knowledge;

public sealed class KnowledgeTextTests
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
            KnowledgeText.ForFact(Route()));
    }

    [Fact]
    public void ForFact_ManyLongFields_StaysWithinTheModelsWindow_AndKeepsTheStatement()
    {
        var fact = Route();
        fact.Fields["connects_to"] = Enumerable.Range(0, 200).Select(i => $"Station number {i}").ToList();

        var text = KnowledgeText.ForFact(fact);

        Assert.True(text.Length <= DenseText.MaxCharacters, $"{text.Length} characters");
        Assert.StartsWith(fact.Statement, text);
        Assert.DoesNotContain("Station number", text);
    }
}
