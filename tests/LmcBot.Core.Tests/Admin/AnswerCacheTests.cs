using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>Remembered answers: the same question against the same knowledge is worked out once; any change starts afresh.</summary>
public sealed class AnswerCacheTests
{
    [Fact]
    public void SameQuestion_SameKnowledge_IsWorkedOutOnce()
    {
        using var admin = new AdminBot();

        var first = admin.Ask("When did the China-Laos Railway open?");
        var second = admin.Ask("When did the China-Laos Railway open?");

        Assert.True(first.Answered, first.Text);
        Assert.Same(first, second);
    }

    [Fact]
    public void Off_EveryQuestionIsWorkedOut()
    {
        using var admin = new AdminBot(answerCacheSize: 0);

        Assert.NotSame(admin.Ask("When did the China-Laos Railway open?"), admin.Ask("When did the China-Laos Railway open?"));
    }

    [Fact]
    public async Task ADeclineRemembered_IsAnsweredOnceAnAdminAddsTheFact_AndDeclinedAgainAfterUndo()
    {
        using var admin = new AdminBot();
        const string question = "When did Kunming and Hanoi become sister cities?";
        Assert.False(admin.Ask(question).Answered);
        Assert.False(admin.Ask(question).Answered); // now remembered

        await admin.OkAsync("kb add citypair city_a:Kunming city_b:Hanoi status:\"sister city\" date:2019-05-01 admin_note:true");
        var answered = admin.Ask(question);
        Assert.True(answered.Answered, answered.Text);
        Assert.Contains("Hanoi", answered.Text, StringComparison.Ordinal);

        await admin.OkAsync("kb undo");
        Assert.False(admin.Ask(question).Answered);
    }

    [Fact]
    public void Bounded_AFullCacheStartsAgain()
    {
        using var admin = new AdminBot(answerCacheSize: 2);
        var first = admin.Ask("When did the China-Laos Railway open?");
        admin.Ask("What is the StarExpress?");
        admin.Ask("Who are the LMC members?"); // the third distinct question empties the full cache first

        Assert.NotSame(first, admin.Ask("When did the China-Laos Railway open?"));
        Assert.InRange(admin.KnowledgeBase.Current.RememberedAnswers.Count, 1, 2);
    }
}
