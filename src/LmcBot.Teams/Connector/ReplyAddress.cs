namespace LmcBot.Teams.Connector;

/// <summary>Where an outbound activity goes: a conversation at a service URL, as a reply when <see cref="ReplyToId"/> is set.</summary>
internal sealed record ReplyAddress(string ServiceUrl, string ConversationId, string? ReplyToId);
