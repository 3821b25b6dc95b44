using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Interactions;

/// <summary>The body of an interaction callback: its type and, for most types, data (a message or autocomplete choices).</summary>
internal sealed record InteractionResponse(InteractionCallbackType Type)
{
    public InteractionCallbackData? Data { get; init; }
}

/// <summary>Discord's interaction callback types we answer with.</summary>
internal enum InteractionCallbackType
{
    /// <summary>The answer to a PING.</summary>
    Pong = 1,

    /// <summary>The answer itself, as a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>"Thinking…": the answer follows as an edit of this message.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>Choices for the focused option.</summary>
    ApplicationCommandAutocompleteResult = 8,
}
