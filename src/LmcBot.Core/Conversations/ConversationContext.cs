namespace LmcBot.Core.Conversations;

/// <summary>
/// What a follow-up is read against: the last answered question as the bot understood it, its subjects (entity
/// names, canonical) and its years.
/// </summary>
public sealed record ConversationContext(string Question, IReadOnlyList<string> Subjects, IReadOnlyList<int> Years)
{
    /// <summary>
    /// What the last answer was about when its fact names it and the question did not ("the 10th LMC Foreign Ministers'
    /// Meeting" for "who co-chaired the tenth foreign ministers meeting"): "it" in a follow-up stands for this.
    /// </summary>
    public string? Topic { get; init; }

    /// <summary>When it is forgotten.</summary>
    public DateTimeOffset Expires { get; init; }
}
