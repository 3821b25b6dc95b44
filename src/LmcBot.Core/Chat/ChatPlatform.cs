namespace LmcBot.Core.Chat;

/// <summary>The surface a request came from. Adapters set it; the core reads it to decide who is an admin (AdminPolicy), for audit and for metrics.</summary>
public enum ChatPlatform
{
    Cli,
    Discord,
    Teams,
}
