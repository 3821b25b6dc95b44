using System.Text.Json;
using System.Text.Json.Serialization;
using LmcBot.Discord.Commands;
using LmcBot.Discord.Gateway;
using LmcBot.Discord.Interactions;
using LmcBot.Discord.Rendering;

namespace LmcBot.Discord;

/// <summary>
/// Source-generated serialisation of what the adapter sends: messages and embeds, interaction callbacks, gateway
/// frames and the slash commands it registers (a choice's value is a string, a whole number or a number, hence those), from typed records with Discord's snake_case names; a null field is left out. Discord's numbers (types,
/// styles, flags, opcodes) are enums, written as their numbers.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(GatewayFrame<long?>))]
[JsonSerializable(typeof(GatewayFrame<IdentifyData>))]
[JsonSerializable(typeof(GatewayFrame<ResumeData>))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext
{
    public static byte[] Serialize(MessagePayload message) => JsonSerializer.SerializeToUtf8Bytes(message, Default.MessagePayload);

    public static byte[] Serialize(InteractionResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, Default.InteractionResponse);
}
