using LmcBot.Core.Admin;
using LmcBot.Core.Answering.Retrieval;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Cli;

/// <summary>What a CLI verb needs: configuration, and the knowledge base opened (and synced) on first use.</summary>
public sealed class CliContext(string contentRoot, IConfigurationRoot configuration) : IDisposable
{
    private KnowledgeBase? _knowledgeBase;

    public string ContentRoot { get; } = contentRoot;

    public IConfigurationRoot Configuration { get; } = configuration;

    public KnowledgeOptions KnowledgeOptions { get; } =
        configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();

    public string DatabasePath => Path.GetFullPath(Path.Combine(ContentRoot, KnowledgeOptions.DatabasePath));

    public string KnowledgeFolder => Path.GetFullPath(Path.Combine(ContentRoot, KnowledgeOptions.Folder));

    /// <summary>Opens the database, creating it from the knowledge folder when missing or re-syncing when the files changed.</summary>
    /// <remarks>The sentence model loads only when a text lacks a vector (the committed file covers the shipped knowledge).</remarks>
    public KnowledgeBase KnowledgeBase => _knowledgeBase ??= new KnowledgeBase(
        new KnowledgeStore(DatabasePath, vectors: DenseVectorSource.ForKnowledgeFolder(KnowledgeFolder)), KnowledgeFolder, KnowledgeOptions.Backups,
        new ConsoleEmbeddingProgress(Console.Error));

    public ChatBot CreateBot()
    {
        var admin = Configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>() ?? new AdminOptions();
        return new ChatBot(KnowledgeBase, new AdminPolicy(admin), new KnowledgeEditor(KnowledgeBase),
            knowledgeOptions: Microsoft.Extensions.Options.Options.Create(KnowledgeOptions), embedder: KnowledgeBase.Store.VectorSource?.Embedder);
    }

    public void Dispose() => _knowledgeBase?.Dispose();
}
