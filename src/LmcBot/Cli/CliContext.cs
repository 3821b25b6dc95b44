using LmcBot.Admin;
using LmcBot.Core.Admin;
using LmcBot.Core.Answering.Retrieval;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;

namespace LmcBot.Cli;

/// <summary>
/// What a CLI verb needs: configuration, and the knowledge base opened (and synced) on first use, or, when a web
/// host holds the database, that host's admin endpoint.
/// </summary>
/// <param name="purpose">What this process is doing, shown to a process refused the database ("LmcBot kb add").</param>
public sealed class CliContext(string contentRoot, IConfigurationRoot configuration, string purpose = "LmcBot") : IDisposable
{
    private KnowledgeBase? _knowledgeBase;
    private ChatBot? _bot;
    private AdminEndpointClient? _host;

    public string ContentRoot { get; } = contentRoot;

    public IConfigurationRoot Configuration { get; } = configuration;

    public KnowledgeOptions KnowledgeOptions { get; } =
        configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();

    public string DatabasePath => Path.GetFullPath(Path.Combine(ContentRoot, KnowledgeOptions.DatabasePath));

    public string KnowledgeFolder => Path.GetFullPath(Path.Combine(ContentRoot, KnowledgeOptions.Folder));

    /// <summary>Opens the database, creating it from the knowledge folder when missing or re-syncing when the files changed.</summary>
    /// <remarks>The sentence model loads only when a text lacks a vector (the committed file covers the shipped knowledge).</remarks>
    /// <exception cref="DatabaseLockedException">Another process (a running host, another CLI) has it open.</exception>
    public KnowledgeBase KnowledgeBase => _knowledgeBase ??= Open();

    private KnowledgeBase Open()
    {
        var store = new KnowledgeStore(DatabasePath, vectors: DenseVectorSource.ForKnowledgeFolder(KnowledgeFolder), purpose: purpose);
        try
        {
            return new KnowledgeBase(store, KnowledgeFolder, KnowledgeOptions.Backups, new ConsoleEmbeddingProgress(Console.Error));
        }
        catch
        {
            store.Dispose(); // a failed sync must not keep the database's writer lock
            throw;
        }
    }

    public ChatBot CreateBot()
    {
        var admin = Configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>() ?? new AdminOptions();
        return new ChatBot(KnowledgeBase, new AdminPolicy(admin), new KnowledgeEditor(KnowledgeBase),
            knowledgeOptions: Microsoft.Extensions.Options.Options.Create(KnowledgeOptions));
    }

    /// <summary>
    /// Runs <paramref name="call"/> on the database, or, when a web host holds it and serves its admin endpoint, in
    /// that host, so both never write the file at once. Any other holder is refused with its name and what to do.
    /// </summary>
    public Task<Answer> RunAsync(AdminCall call, CancellationToken cancellationToken)
    {
        if (_host is null && _bot is null)
        {
            try
            {
                _bot = CreateBot();
            }
            catch (DatabaseLockedException locked) when (locked.Holder?.AdminEndpoint is not null)
            {
                _host = AdminEndpointClient.For(locked);
            }
        }
        return _host is not null ? _host.RunAsync(call, cancellationToken) : call.RunAsync(_bot!, cancellationToken);
    }

    public void Dispose()
    {
        _host?.Dispose();
        _knowledgeBase?.Dispose();
    }
}
