using LmcBot.Core.Chat;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Answering;

/// <summary>Questions about meetings as a series: every meeting of the type asked for, in date order, with the gaps said.</summary>
public sealed class MeetingListTests
{
    private static Answer Ask(string question) => TestBot.Shared.Ask(question, ChatPlatform.Cli);

    [Theory]
    [InlineData("how many LMC leaders meetings have there been")]
    [InlineData("list all leaders' meetings")]
    [InlineData("when were the lmc summits held")]
    public void LeadersMeetings_AllFour_InDateOrder(string question)
    {
        var answer = Ask(question);

        Assert.Equal("meeting-list", answer.Intent.Name);
        Assert.StartsWith("4 LMC leaders' meetings in my knowledge base: first (23 March 2016, Sanya); second (10 January 2018, Phnom Penh); third (24 August 2020", answer.Text, StringComparison.Ordinal);
        Assert.Equal(4, answer.Fields.Count);
        // The disputed 1 March date of the first meeting is outvoted by the facts that give 23 March.
        Assert.DoesNotContain("1 March 2016", answer.Text, StringComparison.Ordinal);
        AnswerAssert.CitationsAreReal(question, answer, TestBot.SharedKnowledgeBase);
    }

    [Fact]
    public void ForeignMinistersMeetings_SayWhichNumberIsMissing()
    {
        var answer = Ask("list the foreign ministers meetings");

        Assert.Equal("meeting-list", answer.Intent.Name);
        Assert.Contains("first (12 November 2015, Jinghong); third (15 December 2017, Dali)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("tenth (14 August 2025, Anning)", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("I have no reliable record of the second.", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("leaders' meeting", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>"fmm" is how people type the foreign ministers' meeting; the facts spell it out (knowledge/synonyms.yaml, phrases).</summary>
    [Theory]
    [InlineData("where was the seventh fmm", "Bagan")]
    [InlineData("when was the 8th fmm", "7 December 2023")]
    [InlineData("where was the 10th fmm held", "Anning")]
    [InlineData("first lmc fmm date", "12 November 2015")]
    public void ForeignMinistersMeeting_Abbreviated_IsAnsweredLikeSpelledOut(string question, string expected)
    {
        var answer = Ask(question);
        var spelledOut = Ask(question.Replace("fmm", "foreign ministers meeting", StringComparison.Ordinal));

        Assert.True(answer.Answered, $"declined: {answer.Text}");
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Equal(spelledOut.Text, answer.Text);
        AnswerAssert.CitationsAreReal(question, answer, TestBot.SharedKnowledgeBase);
    }

    [Fact]
    public void ForeignMinistersMeetings_Abbreviated_AreListed()
    {
        var answer = Ask("list the fmms");

        Assert.Equal("meeting-list", answer.Intent.Name);
        Assert.Contains("first (12 November 2015, Jinghong); third (15 December 2017, Dali)", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AYear_ListsThatYearsMeetingsOfEveryType()
    {
        var answer = Ask("list the meetings in 2023");

        Assert.Equal("2 LMC meetings in my knowledge base: eighth foreign ministers' meeting (7 December 2023, Beijing); fourth leaders' meeting (25 December 2023, Video conference).", answer.Text);
    }

    [Fact]
    public void OneMeeting_IsSingular()
    {
        Assert.StartsWith("1 LMC water ministers' meeting in my knowledge base", Ask("water ministers meetings").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When was the second leaders' meeting?", "10 January 2018")]
    [InlineData("what did the leaders meetings decide about water", null)]
    public void OneMeeting_OrAQuestionBeyondTheList_IsNotAList(string question, string? expected)
    {
        var answer = Ask(question);

        Assert.NotEqual("meeting-list", answer.Intent.Name);
        if (expected is not null) Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }
}
