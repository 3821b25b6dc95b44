namespace LmcBot.Core.Chat;

/// <summary>Why a request was refused or failed; the CLI's exit code and the adapters' wording follow it.</summary>
public enum ErrorKind
{
    /// <summary>Not a command, a wrong or missing option, an empty question: the user should read the usage.</summary>
    Usage,

    /// <summary>An admin command from someone who may not run it here.</summary>
    AdminOnly,

    /// <summary>The sender asked faster than the rate limits allow.</summary>
    RateLimited,

    /// <summary>A well-formed command whose values cannot be applied (a quote not in its document, an unknown route).</summary>
    Invalid,

    /// <summary>Something failed on the bot's side (the store, a bug); nothing was changed.</summary>
    Internal,
}
