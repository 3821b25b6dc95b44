using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;

namespace LmcBot.Benchmarks;

/// <summary>The repository's knowledge/ folder synced into a temporary LiteDB, as the bot runs it.</summary>
internal sealed class ShippedKnowledge : IDisposable
{
    private readonly string _directory;

    public ShippedKnowledge()
    {
        _directory = Repo.TempDirectory("lmcbot-bench");
        DatabasePath = Path.Combine(_directory, "lmcbot.db");
        KnowledgeBase = new KnowledgeBase(new KnowledgeStore(DatabasePath), Repo.Knowledge);
    }

    public string DatabasePath { get; }

    public KnowledgeBase KnowledgeBase { get; }

    public KnowledgeIndex Index => KnowledgeBase.Current;

    /// <summary>A bot over this knowledge base, configured as the CLI configures it with no admins.</summary>
    public ChatBot CreateBot() => new(KnowledgeBase, new AdminPolicy(new AdminOptions()), new KnowledgeEditor(KnowledgeBase));

    public void Dispose()
    {
        KnowledgeBase.Dispose();
        Repo.DeleteQuietly(_directory);
    }
}
