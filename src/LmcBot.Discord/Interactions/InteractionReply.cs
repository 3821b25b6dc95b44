using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// The initial response to an interaction (<see cref="Response"/>, a callback body such as <c>{"type":4,…}</c>),
/// its file if any, and, when the answer was deferred, the work that will complete it.
/// </summary>
internal sealed record InteractionReply(InteractionResponse Response, DiscordMessage? Message = null, Task<DiscordMessage>? Pending = null)
{
    public bool HasFile => Message?.File is not null;

    public static InteractionReply Pong { get; } = new(new InteractionResponse(InteractionCallbackType.Pong));

    public static InteractionReply WithMessage(DiscordMessage message) =>
        new(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource) { Data = message.Payload }, message);

    public static InteractionReply WithChoices(IReadOnlyList<CommandChoice> choices) =>
        new(new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult) { Data = new AutocompleteChoices(choices) });

    public static InteractionReply Deferred(Task<DiscordMessage> pending, bool ephemeral) =>
        new(new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource)
        {
            Data = ephemeral ? new MessagePayload { Flags = MessageFlags.Ephemeral } : null,
        }, null, pending);

    public bool DeferredEphemeral => Pending is not null && Response.Data is MessagePayload { Flags: not null };
}
