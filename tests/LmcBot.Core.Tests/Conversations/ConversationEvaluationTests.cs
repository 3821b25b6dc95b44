using LmcBot.Core.Tests.Answering;
using LmcBot.Fit.Evaluation;
using LmcBot.Testing;
using Xunit.Abstractions;

namespace LmcBot.Core.Tests.Conversations;

/// <summary>
/// The follow-up conversations of tests/eval/conversations, validation part (never studied), through the conversation
/// service the host runs over a real database. Wrongly carried context must be none; follow-ups answered right are held
/// at the committed figure less a point. The issue's 90 % is not met yet and is reported beside it (docs/CONVERSATIONS.md).
/// </summary>
public sealed class ConversationEvaluationTests(EvaluationTests.Bot fixture, ITestOutputHelper output) : IClassFixture<EvaluationTests.Bot>
{
    /// <summary>Measured on the validation part with the committed resolver: 45 of 59 (76.3 %), less a point.</summary>
    private const double FollowUpFloor = 0.75;

    [Fact]
    public void Validation_FollowUpsAnsweredFromContext_AndNoContextCarriedOntoANewSubject()
    {
        var conversations = ConversationSet.Load(RepoPaths.Root).Where(c => c.IsValidation).ToList();
        var service = ConversationBot.Create(fixture.Eval.KnowledgeBase);

        var report = ConversationSet.Run(conversations, service, fixture.Eval.Bot);

        output.WriteLine($"validation: {report}");
        output.WriteLine("gate of the conversations issue: follow-ups right >= 90 % (not met yet), wrongly carried context 0");
        Assert.True(conversations.Count >= 30, $"only {conversations.Count} validation conversations");
        Assert.Equal(0, report.WronglyCarried);
        Assert.True(report.FollowUpRate >= FollowUpFloor, $"follow-ups right fell to {report.FollowUpRate:P1}");
    }

    [Fact]
    public void TheConversationData_HasTheShapeTheIssueAsksFor()
    {
        var conversations = ConversationSet.Load(RepoPaths.Root);
        var turns = conversations.SelectMany(c => c.Turns.Skip(1)).ToList();

        Assert.True(conversations.Count >= 100, $"{conversations.Count} conversations");
        Assert.All(conversations, c => Assert.InRange(c.Turns.Count, 2, 3));
        Assert.All(conversations, c => Assert.False(c.Turns[0].FollowUp, $"{c.Id} opens with a follow-up"));
        Assert.Contains(turns, t => t.FollowUp && !t.Answerable);
        Assert.Contains(turns, t => t.NewSubject);
        Assert.All(conversations.SelectMany(c => c.Turns).Where(t => t.Answerable),
            t => Assert.True(t.ExpectAll.Count + t.ExpectAny.Count > 0, $"\"{t.Question}\" has nothing to check"));
    }
}
