using LmcBot.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core;
using LmcBot.Core.Embedding;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LmcBot.Cli;

/// <summary>
/// What a CLI verb needs, from one Generic Host composed like the web host: the same configuration sources, the core's
/// services and options validated before the verb runs (so the answer cache, the clock and logging are the web host's
/// too). The knowledge base is opened (and synced) on first use, or, when a web host holds the database, that host's
/// admin endpoint answers instead.
/// </summary>
public sealed class CliContext : IDisposable
{
    private readonly IHost _host;
    private ChatBot? _bot;
    private AdminEndpointClient? _remote;

    private CliContext(IHost host, string contentRoot, TerminalProgress progress)
    {
        _host = host;
        ContentRoot = contentRoot;
        Progress = progress;
    }

    /// <summary>Builds the verb's host and validates every option, as the web host does at start-up.</summary>
    /// <param name="overrides">Settings from the verb's options (<c>--db</c>, <c>--knowledge</c>), over every other source.</param>
    /// <param name="purpose">What this process is doing, shown to a process refused the database ("LmcBot kb add").</param>
    /// <param name="progress">Where long work (a first sync, embedding) is shown; <see cref="TerminalProgress"/> decides whether it is.</param>
    /// <param name="configure">More services for one verb (the Discord adapter for <c>discord register</c>).</param>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names it.</exception>
    public static CliContext Create(string contentRoot, IReadOnlyDictionary<string, string?> overrides, string purpose, TerminalProgress progress,
        bool verbose = false, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            Args = [],
            ApplicationName = "LmcBot",
            // A verb runs for seconds; watching appsettings.json for changes would only cost a file watcher.
            Configuration = new ConfigurationManager { ["hostBuilder:reloadConfigOnChange"] = "false" },
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        // A verb's standard output is its result (answers, JSON lines); its log goes to standard error, warnings and
        // errors only unless --verbose, so the one log line per request the web host writes does not drown answers.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.AddLmcBotCore(builder.Configuration, contentRoot, databasePurpose: purpose);
        builder.Services.AddSingleton<IProgress<EmbeddingProgress>>(progress);
        configure?.Invoke(builder);
        var host = builder.Build();
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new CliContext(host, contentRoot, progress);
    }

    public string ContentRoot { get; }

    /// <summary>Long work shown on standard error when it is a terminal.</summary>
    public TerminalProgress Progress { get; }

    public IServiceProvider Services => _host.Services;

    public KnowledgeOptions KnowledgeOptions => Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;

    public string DatabasePath => Path.GetFullPath(Path.Combine(ContentRoot, KnowledgeOptions.DatabasePath));

    public string KnowledgeFolder => Path.GetFullPath(Path.Combine(ContentRoot, KnowledgeOptions.Folder));

    /// <summary>Opens the database, creating it from the knowledge folder when missing or re-syncing when the files changed.</summary>
    /// <remarks>The sentence model loads only when a text lacks a vector (the committed file covers the shipped knowledge).</remarks>
    /// <exception cref="DatabaseLockedException">Another process (a running host, another CLI) has it open.</exception>
    public KnowledgeBase KnowledgeBase => Services.GetRequiredService<KnowledgeBase>();

    /// <summary>The router, as the web host's adapters get it.</summary>
    public ChatBot Bot => _bot ??= Services.GetRequiredService<ChatBot>();

    /// <summary>
    /// Runs <paramref name="call"/> on the database, or, when a web host holds it and serves its admin endpoint, in
    /// that host, so both never write the file at once. Any other holder is refused with its name and what to do.
    /// </summary>
    public Task<Answer> RunAsync(AdminCall call, CancellationToken cancellationToken)
    {
        if (_remote is null && _bot is null)
        {
            try
            {
                _ = Bot;
            }
            catch (DatabaseLockedException locked) when (locked.Holder?.AdminEndpoint is not null)
            {
                _remote = AdminEndpointClient.For(locked);
            }
        }
        return _remote is not null ? _remote.RunAsync(call, cancellationToken) : call.RunAsync(_bot!, cancellationToken);
    }

    public void Dispose()
    {
        _remote?.Dispose();
        _host.Dispose();
    }
}
