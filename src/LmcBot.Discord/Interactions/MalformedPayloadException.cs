namespace LmcBot.Discord.Interactions;

/// <summary>
/// A Discord payload field had the wrong type or invalid text. Thrown only inside the parsers, which turn it into a
/// refusal; its message is short and safe to send back (it names the field, never echoes the value).
/// </summary>
internal sealed class MalformedPayloadException(string message) : Exception(message);
