using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;

namespace LmcBot.Core.Tests.Chat.Presentation;

public sealed class AnswerDisplayTests
{
    [Fact]
    public void FollowUps_MoreThanTheCap_FirstThreeWithAnInputEachAskingSomethingElse()
    {
        FollowUp[] followUps =
        [
            FollowUp.Ask("route StarExpress"),
            new("Blank", "  "),
            new("Same again", " route StarExpress "),
            FollowUp.Ask("investors Thailand"),
            FollowUp.Ask("citypairs Kunming"),
            FollowUp.Ask("trade"),
        ];

        var shown = AnswerDisplay.FollowUps(followUps);

        Assert.Equal(3, AnswerDisplay.MaxFollowUps);
        Assert.Equal(["route StarExpress", "investors Thailand", "citypairs Kunming"], shown.Select(f => f.Input));
    }

    [Fact]
    public void Citations_MoreThanTheCap_FirstThreeInOrder()
    {
        var answer = new Answer
        {
            Answered = true,
            Intent = Intent.MeetingList,
            Text = "…",
            Citations = [.. Enumerable.Range(1, 5).Select(i => new Citation($"d{i}", $"Doc {i}", $"quote {i}"))],
        };

        Assert.Equal(3, AnswerDisplay.MaxCitations);
        Assert.Equal(["d1", "d2", "d3"], AnswerDisplay.Citations(answer).Select(c => c.DocumentId));
    }

    [Fact]
    public void Citations_WithinTheCap_AreTheAnswersOwn()
    {
        IReadOnlyList<Citation> citations = [new Citation("d1", "Doc", "quote")];

        Assert.Same(citations, AnswerDisplay.Citations(citations));
    }
}
