using LmcBot.Core.Answering;
using LmcBot.Core.Conversations;
using LmcBot.Core.Tests.Answering.Stages;

namespace LmcBot.Core.Tests.Conversations;

/// <summary>The follow-up reading on the tiny hand-built index: what a message lacks comes from the context, and only that.</summary>
public sealed class FollowUpResolverTests
{
    private static readonly KnowledgeIndex Index = TinyIndex.Build();

    private static ConversationContext After(string question)
    {
        var asked = ResolvedQuestion.AsAsked(question, Index);
        return asked.ContextAfter(new LmcBot.Core.Chat.Answer { Answered = true, Intent = LmcBot.Core.Chat.Intent.Fact, Text = "" }, Index);
    }

    [Fact]
    public void AYearAlone_AsksTheLastQuestionAboutThatYear()
    {
        var resolved = FollowUpResolver.Resolve("and in 2023?", After("how much was trade between Alpha and Beta in 2021"), Index);

        Assert.True(resolved.UsedContext);
        Assert.Contains("2023", resolved.Question, StringComparison.Ordinal);
        Assert.DoesNotContain("2021", resolved.Question, StringComparison.Ordinal);
        Assert.Contains("Alpha", resolved.Question, StringComparison.Ordinal);
        Assert.Equal("Alpha, Beta, 2023", resolved.Meaning);
    }

    [Fact]
    public void AYearAlone_IsAddedWhenTheLastQuestionHadNone()
    {
        var resolved = FollowUpResolver.Resolve("2021?", After("trade of Alpha"), Index);

        Assert.True(resolved.UsedContext);
        Assert.EndsWith("in 2021", resolved.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatAboutANameOfTheSameType_TakesThePlaceOfTheLastSubject()
    {
        var resolved = FollowUpResolver.Resolve("what about beta?", After("when was the leaders meeting held in Alpha"), Index);

        Assert.True(resolved.UsedContext);
        Assert.Contains("Beta", resolved.Question, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha", resolved.Question, StringComparison.Ordinal);
        Assert.Contains("leaders", resolved.Question, StringComparison.Ordinal);
        Assert.Equal(["Beta"], resolved.Subjects);
    }

    [Fact]
    public void ANativeScriptFollowUp_IsReadTheSameWay()
    {
        // 阿尔法 is Alpha's alias; 呢 marks "and … ?" as a follow-up.
        var resolved = FollowUpResolver.Resolve("阿尔法呢", After("when was the leaders meeting held in Beta"), Index);

        Assert.True(resolved.UsedContext);
        Assert.Contains("Alpha", resolved.Question, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta", resolved.Question, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("where was the first foreign ministers meeting held", "and the second one?")]
    [InlineData("where was the 1st foreign ministers meeting held", "what about the second?")]
    public void AnOrdinalAlone_RenumbersTheLastQuestion(string question, string message)
    {
        var resolved = FollowUpResolver.Resolve(message, After(question), Index);

        Assert.True(resolved.UsedContext);
        Assert.Contains("second foreign ministers meeting", resolved.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void APronoun_StandsForTheLastSubject()
    {
        var resolved = FollowUpResolver.Resolve("when did it open?", After("tell me about the mekong express"), Index);

        Assert.True(resolved.UsedContext);
        Assert.Contains("Mekong Express", resolved.Question, StringComparison.Ordinal);
        Assert.DoesNotContain(" it ", " " + resolved.Question + " ", StringComparison.Ordinal);
        Assert.Equal("Mekong Express", resolved.Meaning);
    }

    [Fact]
    public void NewSubjectWords_AreAskedAboutTheLastSubjectsAndYears()
    {
        var resolved = FollowUpResolver.Resolve("what about the meetings?", After("trade of Alpha in 2021"), Index);

        Assert.True(resolved.UsedContext);
        Assert.Contains("meetings", resolved.Question, StringComparison.Ordinal);
        Assert.Contains("Alpha", resolved.Question, StringComparison.Ordinal);
        Assert.Contains("2021", resolved.Question, StringComparison.Ordinal);
        Assert.DoesNotContain("what about", resolved.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void AMessageWithItsOwnSubject_IsAskedAsWritten()
    {
        var resolved = FollowUpResolver.Resolve("when did the Mekong Express open", After("trade of Alpha in 2021"), Index);

        Assert.False(resolved.UsedContext);
        Assert.Equal("when did the Mekong Express open", resolved.Question);
        Assert.True(resolved.HasOwnSubject);
    }

    [Fact]
    public void AnUnknownName_IsNeverSwappedIntoTheContext()
    {
        // "Gamma" is a name the index lacks: answering "trade of Alpha" instead would answer about something else.
        var resolved = FollowUpResolver.Resolve("what about Gamma?", After("trade of Alpha in 2021"), Index);

        Assert.False(resolved.UsedContext);
        Assert.Equal("what about Gamma?", resolved.Question);
    }

    [Fact]
    public void ANameOfAnotherType_WithACue_IsAskedAsWritten()
    {
        var resolved = FollowUpResolver.Resolve("and the mekong express?", After("trade of Alpha in 2021"), Index);

        Assert.False(resolved.UsedContext);
    }

    [Theory]
    [InlineData("thanks")]
    [InlineData("help")]
    public void GreetingsAndHelp_NeverTakeContext(string message)
    {
        var resolved = FollowUpResolver.Resolve(message, After("trade of Alpha in 2021"), Index);

        Assert.False(resolved.UsedContext);
    }

    [Fact]
    public void WithoutContext_AMessageIsAskedAsWritten()
    {
        var resolved = FollowUpResolver.Resolve("when did it open?", null, Index);

        Assert.False(resolved.UsedContext);
        Assert.False(resolved.HasOwnSubject);
        Assert.Equal("when did it open?", resolved.Question);
    }
}
