using LmcBot.Core.Answering;
using LmcBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace LmcBot.Fit.Evaluation;

/// <summary>The conversation services as the host registers them (CoreServiceCollectionExtensions), over one knowledge base, with the default settings.</summary>
public static class ConversationBot
{
    public static ConversationService Create(KnowledgeBase knowledgeBase, ConversationOptions? options = null, TimeProvider? time = null)
    {
        var wrapped = Options.Create(options ?? new ConversationOptions());
        time ??= TimeProvider.System;
        var tokens = new ActionTokens(wrapped, time);
        return new ConversationService(wrapped, tokens, new ConversationContexts(wrapped, time), new Disambiguator(wrapped, tokens),
            new FeedbackService(knowledgeBase, tokens, wrapped));
    }
}
