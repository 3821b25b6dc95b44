using LmcBot.Core.Answering;

namespace LmcBot.Core.Tests.Answering.Stages;

public sealed class DecideAndComposeTests
{
    private static readonly LmcBot.Core.Answering.KnowledgeIndex Index = TinyIndex.Build();
    private static readonly AnswerEngine Pipeline = new(embedder: null, pipeline: true);

    [Fact]
    public void Answer_YearTheSeriesLacks_DeclinesNamingItAndTheYearsItHas()
    {
        var answer = Pipeline.Answer("how much was trade between alpha and beta in 2022", Index);

        Assert.False(answer.Answered);
        Assert.Contains("2022", answer.Text);
        Assert.Contains("2021", answer.Text);
        Assert.Contains("2023", answer.Text);
    }

    [Fact]
    public void Answer_NthMeetingOfAKindTheKnowledgeHasFewerOf_DeclinesSayingWhichItHas()
    {
        var answer = Pipeline.Answer("when was the third foreign ministers meeting", Index);

        Assert.False(answer.Answered);
        Assert.Equal("My knowledge base has no record of a third LMC foreign ministers' meeting; it has the first to the second.", answer.Text);
    }

    [Fact]
    public void Answer_NthMeetingTheKnowledgeHas_IsNotDeclinedAsMissing()
    {
        var answer = Pipeline.Answer("when was the second foreign ministers meeting", Index);

        Assert.DoesNotContain("no record of", answer.Text);
    }

    [Fact]
    public void Answer_CurrentHolderOfAnOffice_DeclinesSayingTheKnowledgeDatesOfficesOnly()
    {
        var answer = Pipeline.Answer("who is the president of alpha now", Index);

        Assert.False(answer.Answered);
        Assert.StartsWith("My knowledge base records who held an office at a dated meeting or event, not who holds it now.", answer.Text);
        Assert.DoesNotContain("records who held an office", Pipeline.Answer("who is the president of alpha", Index).Text);
    }

    [Fact]
    public void Answer_YearTheSeriesHas_GivesThatPointWithItsCitation()
    {
        var answer = Pipeline.Answer("trade between alpha and beta in 2021", Index);

        Assert.True(answer.Answered);
        Assert.Contains("USD 5 billion", answer.Text);
        Assert.DoesNotContain("USD 7 billion", answer.Text);
        Assert.Contains("trade-2021", answer.FactIds);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public void Answer_UnknownName_IsDeclinedBeforeRetrievalNamingIt()
    {
        var explain = Pipeline.Explain("How much did Tesla invest in Alpha?", Index);

        Assert.Contains("unknown names: Tesla", explain);
        Assert.Contains("decide: unknown-name", explain);
        Assert.Contains("nothing about Tesla", explain);
    }

    [Fact]
    public void Explain_ShowsEveryStage()
    {
        var explain = Pipeline.Explain("when did the mekong express open", Index);

        foreach (var stage in new[] { "normalise:", "names: Mekong Express", "read: asks when", "retrieve:", "decide:", "compose:" })
            Assert.Contains(stage, explain);
        Assert.Contains("fact express-opened", explain);
    }
}
