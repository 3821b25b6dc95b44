using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Commands;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Testing;

/// <summary>A real bot over a real LiteDB file in a temporary folder, built from a knowledge folder.</summary>
public sealed class BotHolder : IDisposable
{
    private readonly TempDirectory _directory = new();

    public BotHolder(string? knowledgeFolder = null, AdminOptions? admin = null, TimeProvider? time = null, CommandCatalog? catalog = null)
    {
        DatabasePath = _directory.File("lmcbot.db");
        // With the sentence model and the committed vectors, as the host and the CLI run.
        var folder = knowledgeFolder ?? RepoPaths.Knowledge;
        KnowledgeBase = new KnowledgeBase(new KnowledgeStore(DatabasePath, time, DenseVectorSource.ForKnowledgeFolder(folder)), folder);
        Bot = new ChatBot(KnowledgeBase, new AdminPolicy(admin ?? new AdminOptions()), new KnowledgeEditor(KnowledgeBase), catalog);
    }

    public string DatabasePath { get; }

    public string Directory => _directory.Path;

    public KnowledgeBase KnowledgeBase { get; }

    public ChatBot Bot { get; }

    public void Dispose()
    {
        KnowledgeBase.Dispose();
        _directory.Dispose();
    }
}
