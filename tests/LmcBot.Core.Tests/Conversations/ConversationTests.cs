using LmcBot.Core.Chat;
using LmcBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LmcBot.Core.Tests.Conversations;

/// <summary>Conversations through the router over the shipped knowledge: follow-ups answered from context, kept apart per user, forgotten in time.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly ConversingBot _holder;

    public ConversationTests() =>
        _holder = new ConversingBot(new Dictionary<string, string?> { ["Conversation:ContextMinutes"] = "10", ["Conversation:MaxConversations"] = "3" }, _time);

    public void Dispose() => _holder.Dispose();

    private static ChatRequest Message(string text, string user = "u1", string channel = "c1") =>
        new() { Platform = ChatPlatform.Discord, Sender = new ChatSender(user, user), ScopeId = "g1", ConversationId = channel, Text = text };

    private Answer Say(string text, string user = "u1", string channel = "c1") => _holder.Bot.HandleAsync(Message(text, user, channel)).GetAwaiter().GetResult();

    private static void Has(Answer answer, string text)
    {
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains(text, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AThreeTurnConversation_AnswersBothFollowUpsFromContext()
    {
        var first = Say("How long is the China-Laos Railway?");
        var second = Say("when did it open?");
        var third = Say("and how many passengers in 2024?");

        Has(first, "1,035");
        Assert.True(second.Answered, second.Text);
        Assert.StartsWith("China-Laos Railway: ", second.Text, StringComparison.Ordinal);
        Has(second, "3 December 2021");
        Assert.True(third.Answered, third.Text);
        Assert.StartsWith("China-Laos Railway, 2024: ", third.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAmbiguousQuestion_AboutTheConversationsLastSubject_IsAnsweredWithoutAsking()
    {
        Assert.Equal(Intent.Choice, Say("Kunming station", user: "fresh").Intent);
        Has(Say("Tell me about Wangjiaying West Railway Station"), "Wangjiaying");

        var answer = Say("Kunming station");

        Assert.NotEqual(Intent.Choice, answer.Intent);
        Has(answer, "Wangjiaying");
    }

    [Fact]
    public void ANameTheLastQuestionHad_Stays_WhileTheNewOneTakesTheOtherCitysPlace()
    {
        Has(Say("kunming yangon friendship city when"), "Yangon");
        var index = ((LmcBot.Core.Conversations.IQuestionAnswerer)_holder.Bot).Index;
        var context = LmcBot.Core.Conversations.ResolvedQuestion.AsAsked("kunming yangon friendship city when", index)
            .ContextAfter(new Answer { Answered = true, Intent = Intent.CityPairs, Text = "" }, index);

        var resolved = LmcBot.Core.Conversations.FollowUpResolver.Resolve("what about yangon and chongqing", context, index);

        Assert.True(resolved.UsedContext);
        Assert.Contains("Chongqing", resolved.Question, StringComparison.Ordinal);
        Assert.Contains("Yangon", resolved.Question, StringComparison.Ordinal);
        Assert.DoesNotContain("Kunming", resolved.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFollowUp_WithoutContext_IsNotAnsweredAboutTheRailway()
    {
        var alone = Say("when did it open?");

        Assert.DoesNotContain("3 December 2021", alone.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoUsersInOneChannel_DoNotShareContext()
    {
        Say("How long is the China-Laos Railway?", user: "alice");
        Say("Which Chinese EV makers invest in Thailand?", user: "bob");

        var alice = Say("when did it open?", user: "alice");
        var bob = Say("when did it open?", user: "bob");

        Has(alice, "3 December 2021");
        Assert.DoesNotContain("3 December 2021", bob.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("China-Laos Railway:", bob.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OneUserInTwoChannels_HasTwoContexts()
    {
        Say("How long is the China-Laos Railway?", channel: "c1");

        var elsewhere = Say("when did it open?", channel: "c2");

        Assert.DoesNotContain("3 December 2021", elsewhere.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_IsForgottenAfterContextMinutes()
    {
        Say("How long is the China-Laos Railway?");
        _time.Advance(TimeSpan.FromMinutes(9));
        Has(Say("when did it open?"), "3 December 2021");

        _time.Advance(TimeSpan.FromMinutes(10.5));
        var late = Say("when did it open?");

        Assert.DoesNotContain("3 December 2021", late.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Contexts_AreBounded_TheLeastRecentlyUsedForgottenFirst()
    {
        foreach (var user in new[] { "a", "b", "c", "d" })
            Say("How long is the China-Laos Railway?", user: user);

        Assert.Equal(3, _holder.Bot.Conversations!.ContextCount);
        Assert.DoesNotContain("3 December 2021", Say("when did it open?", user: "a").Text, StringComparison.Ordinal);
        Has(Say("when did it open?", user: "d"), "3 December 2021");
    }

    [Fact]
    public void AFollowUpTheKnowledgeDoesNotCover_IsDeclined_NotAnsweredAboutTheLastSubject()
    {
        Say("How long is the China-Laos Railway?");

        var price = Say("and the ticket price?");

        Assert.False(price.Answered, price.Text);
    }

    [Fact]
    public void AFollowUpSwappingInAnUnknownName_IsDeclined()
    {
        Has(Say("Which Chinese EV makers invest in Thailand?"), "BYD");

        var tesla = Say("what about Tesla?");

        Assert.False(tesla.Answered, tesla.Text);
        Assert.DoesNotContain("BYD", tesla.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMessageNamingAnotherSubject_StartsANewContext()
    {
        Say("How long is the China-Laos Railway?");
        var members = Say("which countries are members of the LMC?");
        var founded = Say("when was it founded?");

        Has(members, "Myanmar");
        Assert.DoesNotContain("China-Laos Railway", members.Text.Split(':')[0], StringComparison.Ordinal);
        Assert.True(founded.Answered, founded.Text);
        Assert.DoesNotContain("3 December 2021", founded.Text, StringComparison.Ordinal);
    }
}
