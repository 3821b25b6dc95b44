using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Commands;

/// <summary>What a <see cref="CommandHandler"/> gets: the command as declared, its checked options, the request and the bot's services.</summary>
public sealed class CommandContext
{
    internal CommandContext(ChatBot bot, string path, CommandDefinition command, IReadOnlyDictionary<string, string> options, ChatRequest request)
    {
        Bot = bot;
        Path = path;
        Command = command;
        Options = options;
        Request = request;
        Index = bot.KnowledgeBase.Current;
    }

    public ChatBot Bot { get; }

    /// <summary>The command's full path (<c>kb add citypair</c>).</summary>
    public string Path { get; }

    public CommandDefinition Command { get; }

    /// <summary>Option values by name, valid for the command's declaration.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    public ChatRequest Request { get; }

    /// <summary>The knowledge index as it was when the command arrived (one version for the whole command).</summary>
    public KnowledgeIndex Index { get; }

    public KnowledgeEditor Editor => Bot.Editor;

    /// <summary>An option's value, trimmed; null when absent or empty.</summary>
    public string? Option(string name) => Options.TryGetValue(name, out var value) && value.Length > 0 ? value.Trim() : null;

    /// <summary>A value the knowledge base knows for <paramref name="source"/>: exact, spacing and case folded, an alias, or a small typo.</summary>
    public string? Resolve(CompletionSource source, string text) => Bot.Resolve(source, text);
}
