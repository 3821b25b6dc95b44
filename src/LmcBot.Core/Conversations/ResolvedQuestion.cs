using LmcBot.Core.Answering;
using LmcBot.Core.Chat;

namespace LmcBot.Core.Conversations;

/// <summary>
/// A message as the bot will answer it: the question (the message itself, or the message read against the
/// conversation's context), whether context was used, and a short statement of what it was taken to mean
/// ("China-Laos Railway, 2022").
/// </summary>
public sealed record ResolvedQuestion(string Question, bool UsedContext, string? Meaning, IReadOnlyList<string> Subjects, IReadOnlyList<int> Years)
{
    /// <summary>
    /// Other readings of the same follow-up, when its words could take either of two places in the last question: each is
    /// answered and the answer the scorer is surer of is given (<see cref="ConversationService"/>).
    /// </summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>The message names a subject of its own (an entity of the knowledge base, or an unknown name).</summary>
    public bool HasOwnSubject { get; init; }

    /// <summary>A self-contained question, read for its subjects and years.</summary>
    public static ResolvedQuestion AsAsked(string question, KnowledgeIndex index)
    {
        var analysis = Readings.Analyze(question, index);
        var subjects = analysis.EntityIds.Select(id => index.Entities[id].Name).ToList();
        // The context keeps the question as the pipeline read it: folded, typos corrected, every name written canonically,
        // so a follow-up can put another name or year in its place.
        return new ResolvedQuestion(question, false, null, subjects, analysis.Years)
        {
            HasOwnSubject = subjects.Count > 0 || analysis.UnknownNames.Count > 0,
        };
    }

    /// <summary>The context this answered question leaves for the next message.</summary>
    public ConversationContext ContextAfter(Answer answer, KnowledgeIndex index)
    {
        // The first fact the answer states names its topic when the fact has a name of its own (a meeting, a route, a plant).
        var topic = answer.FactIds.Count > 0 && index.FactNamed(answer.FactIds[0]) is { } fact && fact.NameField is { Length: > 0 } name
            && !Subjects.Contains(name, StringComparer.Ordinal) ? name : null;
        return new(Readings.Analyze(Question, index).CanonicalText, Subjects, Years) { Topic = topic };
    }
}
