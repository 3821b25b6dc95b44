using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Commands;
using LmcBot.Core.Conversations;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace LmcBot.Testing;

/// <summary>A real bot over a real LiteDB file in a temporary folder, built from a knowledge folder.</summary>
public sealed class BotHolder : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <param name="conversations">Follow-up context, choices and feedback as the host runs them; null answers each message alone.</param>
    public BotHolder(string? knowledgeFolder = null, AdminOptions? admin = null, TimeProvider? time = null, CommandCatalog? catalog = null,
        ConversationOptions? conversations = null)
    {
        DatabasePath = _directory.File("lmcbot.db");
        // With the sentence model and the committed vectors, as the host and the CLI run.
        var folder = knowledgeFolder ?? RepoPaths.Knowledge;
        KnowledgeBase = new KnowledgeBase(new KnowledgeStore(DatabasePath, time, DenseVectorSource.ForKnowledgeFolder(folder)), folder);
        Conversations = conversations is null ? null : CreateConversations(KnowledgeBase, conversations, time ?? TimeProvider.System);
        Bot = new ChatBot(KnowledgeBase, new AdminPolicy(admin ?? new AdminOptions()), new KnowledgeEditor(KnowledgeBase), catalog,
            conversations: Conversations);
    }

    public string DatabasePath { get; }

    public string Directory => _directory.Path;

    public KnowledgeBase KnowledgeBase { get; }

    public ChatBot Bot { get; }

    public ConversationService? Conversations { get; }

    /// <summary>The conversation services the host registers (CoreServiceCollectionExtensions), built by hand over one knowledge base.</summary>
    public static ConversationService CreateConversations(KnowledgeBase knowledgeBase, ConversationOptions options, TimeProvider time)
    {
        var wrapped = Options.Create(options);
        var tokens = new ActionTokens(wrapped, time);
        return new ConversationService(wrapped, tokens, new ConversationContexts(wrapped, time), new Disambiguator(wrapped, tokens),
            new FeedbackService(knowledgeBase, tokens, wrapped));
    }

    public void Dispose()
    {
        KnowledgeBase.Dispose();
        _directory.Dispose();
    }
}
