using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Commands;
using LmcBot.Core.Chat;
using LmcBot.Core.Conversations;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LmcBot.Core;

/// <summary>Registers the core: knowledge base (one LiteDB instance per file), admin policy, editor and the chat bot.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <param name="contentRoot">Relative database and knowledge paths are resolved against it.</param>
    /// <param name="databasePurpose">What this process is, for the message a second writer of the database gets.</param>
    public static IServiceCollection AddLmcBotCore(this IServiceCollection services, IConfiguration configuration, string contentRoot,
        string? databasePurpose = null)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActionTokens>();
        services.TryAddSingleton<ConversationContexts>();
        services.TryAddSingleton<Disambiguator>();
        services.TryAddSingleton<FeedbackService>();
        services.TryAddSingleton<ConversationService>();
        services.AddMetrics();
        services.TryAddSingleton<ChatMetrics>();
        services.TryAddSingleton<RequestRateLimiter>();
        // The sentence model (loaded on first use) and the knowledge folder's committed vectors; replaceable in tests.
        services.TryAddSingleton(sp => DenseVectorSource.ForKnowledgeFolder(
            Path.Combine(contentRoot, sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Folder)));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return new KnowledgeStore(Path.Combine(contentRoot, options.DatabasePath), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<DenseVectorSource>(), databasePurpose);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            // The CLI registers a progress display for a long first sync; the web host logs instead.
            return new KnowledgeBase(sp.GetRequiredService<KnowledgeStore>(), Path.Combine(contentRoot, options.Folder), options.Backups,
                sp.GetService<IProgress<EmbeddingProgress>>());
        });
        services.AddSingleton(sp => new AdminPolicy(sp.GetRequiredService<IOptions<AdminOptions>>().Value));
        services.AddSingleton<KnowledgeEditor>();
        services.TryAddSingleton(CommandCatalog.Default);
        services.AddSingleton<ChatBot>();
        services.AddSingleton<IChatBot>(sp => sp.GetRequiredService<ChatBot>());
        return services;
    }
}
