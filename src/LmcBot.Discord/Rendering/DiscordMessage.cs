using System.Text.Json.Nodes;
using LmcBot.Core.Chat;

namespace LmcBot.Discord.Rendering;

/// <summary>A message ready to send: the JSON message object (content, embeds, components, flags…) and an optional file.</summary>
internal sealed record DiscordMessage(JsonObject Data, AnswerFile? File)
{
    public bool Ephemeral => ((Data["flags"]?.GetValue<int>() ?? 0) & MessageFlags.Ephemeral) != 0;
}
