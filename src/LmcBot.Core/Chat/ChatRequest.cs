namespace LmcBot.Core.Chat;

/// <summary>
/// A platform-neutral request: either a typed command from the catalog (<see cref="Command"/> with
/// <see cref="Options"/>) or free text (<see cref="Text"/>) to be parsed and answered.
/// </summary>
public sealed record ChatRequest
{
    public required ChatPlatform Platform { get; init; }

    public required ChatSender Sender { get; init; }

    /// <summary>Discord guild id or Teams tenant id; null in DMs and on the CLI.</summary>
    public string? ScopeId { get; init; }

    /// <summary>Channel or conversation id, for logs (rate limits count per user and per server or tenant).</summary>
    public string? ConversationId { get; init; }

    /// <summary>A catalog command path such as <c>ask</c>, <c>route</c> or <c>kb add citypair</c>; null for free text.</summary>
    public string? Command { get; init; }

    /// <summary>Option values by option name, as strings (booleans as <c>true</c>/<c>false</c>).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Free text: a question or a text command (<c>route StarExpress</c>, <c>kb list</c>), as the user wrote it less the
    /// bot's own @mention. Empty text (a bare mention) is passed on as it is: the router answers it with help.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>A document that came with the request (kb import).</summary>
    public ChatAttachment? Attachment { get; init; }

    public static ChatRequest Question(ChatPlatform platform, ChatSender sender, string text) =>
        new() { Platform = platform, Sender = sender, Text = text };

    public static ChatRequest ForCommand(ChatPlatform platform, ChatSender sender, string command,
        IReadOnlyDictionary<string, string>? options = null) =>
        new()
        {
            Platform = platform,
            Sender = sender,
            Command = command,
            Options = options ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
}
