using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Commands;

namespace LmcBot.Testing;

/// <summary>Bots for tests: one shared, read-mostly bot over the shipped knowledge, or a fresh one per test.</summary>
public static class TestBot
{
    private static readonly Lazy<BotHolder> SharedHolder = new(() => new BotHolder());

    /// <summary>The shared bot over the repository's knowledge/ (do not change its knowledge).</summary>
    public static ChatBot Shared => SharedHolder.Value.Bot;

    public static KnowledgeBase SharedKnowledgeBase => SharedHolder.Value.KnowledgeBase;

    /// <summary>A bot with its own database, for tests that change knowledge.</summary>
    public static BotHolder CreateFresh(string? knowledgeFolder = null, AdminOptions? admin = null) => new(knowledgeFolder, admin);
}
