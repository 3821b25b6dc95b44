namespace LmcBot.Core.Commands;

/// <summary>
/// A command declared once in the <see cref="CommandCatalog"/> with its handler: Discord registration JSON, the
/// Teams help card and manifest command list, CLI help and the router's dispatch are all generated from it.
/// </summary>
public sealed record CommandDefinition(string Name, string Description)
{
    public IReadOnlyList<CommandOption> Options { get; init; } = [];

    /// <summary>Subcommands (or subcommand groups, which have subcommands of their own).</summary>
    public IReadOnlyList<CommandDefinition> Subcommands { get; init; } = [];

    /// <summary>Only admins may run it; checked in the core by <see cref="Admin.AdminPolicy"/>.</summary>
    public bool AdminOnly { get; init; }

    /// <summary>Text-command examples (<c>route StarExpress</c>), shown in help and as buttons.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>What runs the command; every leaf has one (the catalog refuses one without), groups have none.</summary>
    public CommandHandler? Handler { get; init; }

    public bool IsGroup => Subcommands.Count > 0;

    /// <summary>
    /// What a button sends (a "did you mean" choice, a feedback vote), not a command people type: it is dispatched and
    /// its options checked like any other, but not registered on Discord, listed in the Teams menu or shown in help.
    /// </summary>
    public bool IsAction { get; init; }

    internal Chat.CommandHelp ToHelp(string path) => new(path, Description, Examples, AdminOnly);
}
