using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Commands;

/// <summary>One option of a command. Names follow Discord's rules (lowercase, 1-32, <c>[a-z0-9_-]</c>).</summary>
public sealed record CommandOption(string Name, string Description, CommandOptionType Type = CommandOptionType.String)
{
    public bool Required { get; init; }

    /// <summary>Values suggested while typing (Discord autocomplete).</summary>
    public CompletionSource Autocomplete { get; init; } = CompletionSource.None;

    /// <summary>A closed list of values taken from the knowledge base when commands are registered (Discord choices).</summary>
    public CompletionSource Choices { get; init; } = CompletionSource.None;

    /// <summary>Fixed choices known at compile time (fact kinds, statuses).</summary>
    public IReadOnlyList<string> FixedChoices { get; init; } = [];

    /// <summary>Longest accepted value, in characters.</summary>
    public int MaxLength { get; init; } = 500;
}
