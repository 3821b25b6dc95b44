using System.Text.Json.Serialization;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;

namespace LmcBot.Admin;

/// <summary>
/// One CLI request to the knowledge base: a catalog command (<c>kb add citypair</c> with its options and file) or an
/// <c>ask</c> question. The CLI runs it on the database itself, or sends it to the running host's admin endpoint,
/// which runs it the same way, as the local admin.
/// </summary>
public sealed record AdminCall
{
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    [JsonPropertyName("attachment")]
    public ChatAttachment? Attachment { get; init; }

    /// <summary>A question for <c>ask</c>; set instead of <see cref="Command"/>.</summary>
    [JsonPropertyName("question")]
    public string? Question { get; init; }

    public static AdminCall ForCommand(string command, IReadOnlyDictionary<string, string> options, ChatAttachment? attachment) =>
        new() { Command = command, Options = options, Attachment = attachment };

    public static AdminCall Ask(string question) => new() { Question = question };

    /// <summary>Exactly one of a command and a question.</summary>
    [JsonIgnore]
    public bool IsWellFormed => (Command is { Length: > 0 }) != (Question is not null);

    /// <summary>Runs it through <paramref name="bot"/> as the local CLI admin: the same path whether local or forwarded.</summary>
    public Task<Answer> RunAsync(ChatBot bot, CancellationToken cancellationToken) =>
        Question is { } question
            ? Task.FromResult(bot.Ask(question, ChatPlatform.Cli))
            : bot.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, Command!,
                Options ?? new Dictionary<string, string>(StringComparer.Ordinal)) with { Attachment = Attachment }, cancellationToken);
}
