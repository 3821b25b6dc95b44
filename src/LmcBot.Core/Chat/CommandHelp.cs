namespace LmcBot.Core.Chat;

/// <summary>One command as help lists it: its path (<c>kb add citypair</c>), what it does and examples to try.</summary>
public sealed record CommandHelp(string Path, string Description, IReadOnlyList<string> Examples, bool AdminOnly);
