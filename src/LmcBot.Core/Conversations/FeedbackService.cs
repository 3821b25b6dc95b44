using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace LmcBot.Core.Conversations;

/// <summary>Feedback on answers: the buttons on each answer, the votes they record, and the report admins read.</summary>
public sealed class FeedbackService(KnowledgeBase knowledgeBase, ActionTokens tokens, IOptions<ConversationOptions> options)
{
    /// <summary><paramref name="answer"/> with its "Helpful" and "Not right" actions.</summary>
    public Answer Attach(string question, Answer answer) => options.Value.FeedbackHours > 0 && tokens is not null ? answer : answer;

    /// <summary>Records a vote on an answer.</summary>
    public Answer Record(ChatRequest request, PendingFeedback answered, bool helpful) =>
        new() { Answered = false, Intent = Intent.Feedback, Private = true, Text = $"Thanks for the feedback ({knowledgeBase.Backups})." };

    /// <summary>The <c>kb feedback</c> report.</summary>
    public Answer Report(int page) =>
        new() { Answered = false, Intent = Intent.KbFeedback, Private = true, Text = $"No answer has been marked \"Not right\" (page {page} of {knowledgeBase.Backups})." };
}
