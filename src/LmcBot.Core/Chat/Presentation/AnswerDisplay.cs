namespace LmcBot.Core.Chat.Presentation;

/// <summary>
/// How much of an answer a chat surface shows beside its text: at most <see cref="MaxFollowUps"/> follow-up buttons and
/// <see cref="MaxCitations"/> sources, the same on Discord and Teams. Answers may carry more (a meeting list cites each
/// meeting); the adapters show these and fit them within their own limits.
/// </summary>
public static class AnswerDisplay
{
    /// <summary>Follow-up buttons under an answer.</summary>
    public const int MaxFollowUps = 3;

    /// <summary>Sources shown with an answer, best first as the answer lists them.</summary>
    public const int MaxCitations = 3;

    /// <summary>The follow-ups to show: those with an input, the first of any that ask the same thing, at most <see cref="MaxFollowUps"/>.</summary>
    public static IReadOnlyList<FollowUp> FollowUps(IReadOnlyList<FollowUp> followUps)
    {
        var shown = new List<FollowUp>(Math.Min(followUps.Count, MaxFollowUps));
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var followUp in followUps)
        {
            if (shown.Count == MaxFollowUps)
                break;
            if (string.IsNullOrWhiteSpace(followUp.Input) || !inputs.Add(followUp.Input.Trim()))
                continue;
            shown.Add(followUp);
        }
        return shown;
    }

    /// <summary>"Did you mean" choices offered at once.</summary>
    public const int MaxChoices = 3;

    /// <summary>The choices of <paramref name="answer"/> to show: its first <see cref="MaxChoices"/>.</summary>
    public static IReadOnlyList<FollowUp> Choices(Answer answer) =>
        answer.Choices.Count <= MaxChoices ? answer.Choices : [.. answer.Choices.Take(MaxChoices)];

    /// <summary>The follow-ups of <paramref name="answer"/> to show.</summary>
    public static IReadOnlyList<FollowUp> FollowUps(Answer answer) => FollowUps(answer.FollowUps);

    /// <summary>The sources of <paramref name="answer"/> to show: its first <see cref="MaxCitations"/>.</summary>
    public static IReadOnlyList<Citation> Citations(Answer answer) => Citations(answer.Citations);

    /// <summary>The first <see cref="MaxCitations"/> of <paramref name="citations"/>.</summary>
    public static IReadOnlyList<Citation> Citations(IReadOnlyList<Citation> citations) =>
        citations.Count <= MaxCitations ? citations : [.. citations.Take(MaxCitations)];
}
