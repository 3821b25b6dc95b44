using LmcBot.Core.Chat;

namespace LmcBot.Core.Conversations;

/// <summary>
/// One user in one place: a Discord channel or DM with that user, a Teams conversation with that sender, a chat
/// session. Two users in one channel have two keys, so they never share context.
/// </summary>
public readonly record struct ConversationKey(ChatPlatform Platform, string Scope, string Place, string User)
{
    public static ConversationKey Of(ChatRequest request) =>
        new(request.Platform, request.ScopeId ?? "", request.ConversationId ?? "", request.Sender.Id);
}
