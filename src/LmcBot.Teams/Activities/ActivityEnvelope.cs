using LmcBot.Teams.Connector;

namespace LmcBot.Teams.Activities;

/// <summary>
/// The addressing of everything the bot says in answer to one inbound activity: from the bot
/// (the inbound recipient) to the user (the inbound sender), in the same conversation.
/// </summary>
internal sealed record ActivityEnvelope(
    string ServiceUrl, ChannelAccount? Bot, ChannelAccount? User, ConversationAccount Conversation, string? ReplyToId)
{
    public static ActivityEnvelope ReplyTo(InboundActivity activity) => new(
        activity.ServiceUrl!, activity.Recipient, activity.From, activity.Conversation!, activity.Id);

    /// <summary>Where the answer goes: a reply to the inbound activity when it has an id.</summary>
    public ReplyAddress ReplyAddress => new(ServiceUrl, Conversation.Id!, ReplyToId);

    /// <summary>Where new, non-reply activities (typing, welcome) go.</summary>
    public ReplyAddress ConversationAddress => new(ServiceUrl, Conversation.Id!, null);

    public OutboundActivity Message() => new()
    {
        Type = ActivityTypes.Message,
        From = Bot,
        Recipient = User,
        Conversation = Conversation,
        ReplyToId = ReplyToId,
    };
}
