namespace LmcBot.Discord.Interactions;

/// <summary>Discord interaction types we read.</summary>
internal enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}
