using System.Text.Json.Serialization;

namespace LmcBot.Discord.Commands;

/// <summary>A slash command as registered (a chat-input application command), with its options or subcommands.</summary>
/// <remarks>Written in Discord's documented order: name, type, description, options, permissions.</remarks>
internal sealed record ApplicationCommand(
    [property: JsonPropertyOrder(-2)] string Name,
    string Description,
    IReadOnlyList<ApplicationCommandOption> Options)
{
    /// <summary>Always a chat-input (slash) command.</summary>
    [JsonPropertyOrder(-1)]
    public ApplicationCommandKind Type { get; } = ApplicationCommandKind.ChatInput;

    /// <summary>Who may use it by default (a permission bit set as a decimal string); null: everyone.</summary>
    public string? DefaultMemberPermissions { get; init; }
}

/// <summary>An option, subcommand or subcommand group of a command.</summary>
internal sealed record ApplicationCommandOption(string Name, ApplicationCommandOptionType Type, string Description)
{
    public bool? Required { get; init; }

    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }

    public bool? Autocomplete { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>A subcommand's options, or a group's subcommands.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
}

/// <summary>A fixed choice: the name shown, and the value sent (a string, a whole number or a number, as the option's type).</summary>
internal sealed record ApplicationCommandChoice(string Name, object Value);

/// <summary>Discord's application command types; we register slash commands only.</summary>
internal enum ApplicationCommandKind
{
    ChatInput = 1,
}

/// <summary>Discord's application command option types (also what an interaction's options carry).</summary>
internal enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    Number = 10,
    Attachment = 11,
}
