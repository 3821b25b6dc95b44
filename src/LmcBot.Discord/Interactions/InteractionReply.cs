using System.Text.Json.Nodes;
using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// The initial response to an interaction (<see cref="Response"/>, a callback body such as <c>{"type":4,…}</c>),
/// its file if any, and, when the answer was deferred, the work that will complete it.
/// </summary>
internal sealed record InteractionReply(JsonObject Response, DiscordMessage? Message = null, Task<DiscordMessage>? Pending = null)
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int AutocompleteResult = 8;

    public bool HasFile => Message?.File is not null;

    public static InteractionReply WithMessage(DiscordMessage message) =>
        new(new JsonObject { ["type"] = ChannelMessageWithSource, ["data"] = message.Data }, message);

    public static InteractionReply Deferred(Task<DiscordMessage> pending, bool ephemeral)
    {
        var response = new JsonObject { ["type"] = DeferredChannelMessageWithSource };
        if (ephemeral)
            response["data"] = new JsonObject { ["flags"] = MessageFlags.Ephemeral };
        return new(response, null, pending);
    }

    public bool DeferredEphemeral => Pending is not null && Response["data"]?["flags"] is not null;
}
