namespace LmcBot.Core.Tests.Support;

/// <summary>Bots for tests: one shared, read-mostly bot over the shipped knowledge, or a fresh one per test.</summary>
public static class TestBot
{
    private static readonly Lazy<BotHolder> SharedHolder = new(() => new BotHolder());

    /// <summary>The shared bot over the repository's knowledge/ (do not change its knowledge).</summary>
    public static Chat.ChatBot Shared => SharedHolder.Value.Bot;

    public static Knowledge.KnowledgeBase SharedKnowledgeBase => SharedHolder.Value.KnowledgeBase;

    /// <summary>A bot with its own database, for tests that change knowledge.</summary>
    public static BotHolder CreateFresh(string? knowledgeFolder = null, global::LmcBot.Core.Admin.AdminOptions? admin = null) => new(knowledgeFolder, admin);
}
