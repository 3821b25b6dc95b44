namespace LmcBot.Core.Chat;

/// <summary>The surface a request came from. Adapters set it; the core only uses it for audit and metrics.</summary>
public enum ChatPlatform
{
    Cli,
    Discord,
    Teams,
}
