using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LmcBot.Core.Conversations;

/// <summary>
/// Questions in a conversation: a follow-up that lacks a subject is read against the last answered question
/// (<see cref="FollowUpResolver"/>), a question that could mean two things offers choices (<see cref="Disambiguator"/>),
/// and every answer carries feedback buttons (<see cref="FeedbackService"/>). One implementation behind
/// <see cref="IChatBot"/>; adapters only render <see cref="Answer.Choices"/> and <see cref="Answer.Feedback"/> and send
/// the clicks back as the <c>choose</c> and <c>feedback</c> actions.
/// </summary>
public sealed class ConversationService(
    IOptions<ConversationOptions> options,
    ActionTokens tokens,
    ConversationContexts contexts,
    Disambiguator disambiguator,
    FeedbackService feedback)
{
    public ConversationOptions Options => options.Value;

    public FeedbackService Feedback => feedback;

    /// <summary>Conversations whose context is remembered now (at most <see cref="ConversationOptions.MaxConversations"/>).</summary>
    public int ContextCount => contexts.Count;

    /// <summary>Answers <paramref name="question"/> as a message in the asker's conversation.</summary>
    public Answer Ask(ChatRequest request, string question, IQuestionAnswerer answerer) => Ask(request, question, answerer, out _);

    /// <summary>The same, saying how the message was read (the evaluation prints it beside a wrong answer).</summary>
    internal Answer Ask(ChatRequest request, string question, IQuestionAnswerer answerer, out ResolvedQuestion reading)
    {
        var key = ConversationKey.Of(request);
        var index = answerer.Index;
        var resolved = reading = Read(key, question, answerer);
        var answer = answerer.Ask(resolved.Question, request.Platform);

        if (!resolved.UsedContext && disambiguator.ChoicesFor(resolved.Question, answer, answerer) is { Count: > 0 } choices)
        {
            // The conversation may already say which is meant: a choice about the subject or topic of the last answer is
            // taken without asking ("who was the Lao co-chair?" after a question about the fifth ministers' meeting).
            if (ChoiceAboutContext(choices, contexts.Get(key)) is not { } chosen) return disambiguator.OfferOf(choices, answer);
            (resolved, answer) = (ResolvedQuestion.AsAsked(chosen.Question, index), answerer.Ask(chosen.Question, request.Platform));
        }

        return Settle(key, resolved, answer, index);
    }

    /// <summary>The choice whose subject is one the conversation's context is about, or null.</summary>
    private static Disambiguator.Choice? ChoiceAboutContext(IReadOnlyList<Disambiguator.Choice> choices, ConversationContext? context)
    {
        if (context is null) return null;
        var about = context.Subjects.Append(context.Topic).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return choices.FirstOrDefault(c => about.Contains(c.Label));
    }

    /// <summary>How <paramref name="question"/> is read in the conversation: against its context, the better of two readings weighed.</summary>
    private ResolvedQuestion Read(ConversationKey key, string question, IQuestionAnswerer answerer)
    {
        var resolved = FollowUpResolver.Resolve(question, contexts.Get(key), answerer.Index);
        if (resolved.Alternatives.Count > 0)
        {
            // Weigh the readings without counting them; only the one answered is recorded (kb unanswered, metrics).
            var best = answerer.Preview(resolved.Question);
            foreach (var alternative in resolved.Alternatives)
                if (answerer.Preview(alternative) is { Answered: true } other && (!best.Answered || other.Confidence > best.Confidence))
                    (resolved, best) = (resolved with { Question = alternative }, other);
        }
        return resolved;
    }

    /// <summary>A click on a "did you mean" choice: answers the question it stands for (which becomes the context).</summary>
    public Answer Choose(ChatRequest request, string token, IQuestionAnswerer answerer)
    {
        if (tokens.Check(token, out var action) != TokenCheck.Valid || action is not PendingChoice choice)
            return Expired(Intent.Choice);
        var answer = answerer.Ask(choice.Question, request.Platform);
        return Settle(ConversationKey.Of(request), ResolvedQuestion.AsAsked(choice.Question, answerer.Index), answer, answerer.Index);
    }

    /// <summary>A click on "Helpful" or "Not right".</summary>
    public Answer Vote(ChatRequest request, string token, bool helpful)
    {
        if (tokens.Check(token, out var action) != TokenCheck.Valid || action is not PendingFeedback answered)
            return Expired(Intent.Feedback);
        return feedback.Record(request, answered, helpful);
    }

    private Answer Settle(ConversationKey key, ResolvedQuestion resolved, Answer answer, KnowledgeIndex index)
    {
        if (answer.Answered)
        {
            contexts.Set(key, resolved.ContextAfter(answer, index));
            if (resolved.UsedContext && resolved.Meaning is { Length: > 0 } meaning)
                answer = answer with { Text = $"{meaning}: {answer.Text}" };
            return feedback.Attach(resolved.Question, answer);
        }
        // A message with its own subject that the knowledge base does not cover ends the old context: a "when did it
        // open?" after it must not go back to a subject the person has moved away from.
        if (!resolved.UsedContext && resolved.HasOwnSubject) contexts.Forget(key);
        return answer;
    }

    /// <summary>A forged, altered or expired token: a polite refusal that changes nothing.</summary>
    private static Answer Expired(Intent intent) => new()
    {
        Answered = false,
        Intent = intent,
        Private = true,
        Text = "That choice has expired. Ask your question again and I'll answer it afresh.",
    };
}
