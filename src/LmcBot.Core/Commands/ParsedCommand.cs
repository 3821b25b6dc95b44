namespace LmcBot.Core.Commands;

/// <summary>A text command read against the catalog: its path, named options, and leftover words.</summary>
public sealed record ParsedCommand(string Path, CommandDefinition Command, IReadOnlyDictionary<string, string> Options, string? Positional);
