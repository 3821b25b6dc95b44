using LmcBot.Core.Chat;

namespace LmcBot.Core.Commands;

/// <summary>Runs one catalog command; the router has already checked who may run it and its options against the declaration.</summary>
public delegate Answer CommandHandler(CommandContext context);
