namespace LmcBot.Core.Conversations;

/// <summary>
/// What a follow-up is read against: the last answered question as the bot understood it, its subjects (entity
/// names, canonical) and its years.
/// </summary>
public sealed record ConversationContext(string Question, IReadOnlyList<string> Subjects, IReadOnlyList<int> Years)
{
    /// <summary>When it is forgotten.</summary>
    public DateTimeOffset Expires { get; init; }
}
