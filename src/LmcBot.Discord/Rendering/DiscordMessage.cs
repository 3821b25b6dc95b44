using LmcBot.Core.Chat;

namespace LmcBot.Discord.Rendering;

/// <summary>A message ready to send: the message object (content, embeds, components, flags…) and an optional file.</summary>
internal sealed record DiscordMessage(MessagePayload Payload, AnswerFile? File)
{
    public bool Ephemeral => Payload.Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral);
}
