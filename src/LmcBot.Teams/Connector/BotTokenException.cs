namespace LmcBot.Teams.Connector;

/// <summary>The bot could not get an outbound token: wrong credentials or authority, or the authority is down.</summary>
internal sealed class BotTokenException(string message) : Exception(message);
