using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Testing;

/// <summary>
/// A real bot over its own copy of a database built once from the repository's knowledge/ (copying is much faster
/// than syncing per test), for tests that change knowledge. Commands run as the local (CLI) admin unless a sender is given.
/// </summary>
public sealed class AdminBot : IDisposable
{
    private static readonly Lazy<string> Template = new(BuildTemplate);
    private readonly TempDirectory _directory = new();

    /// <param name="answerCacheSize">As the host configures it by default, so every admin test also checks that no remembered answer outlives a change.</param>
    public AdminBot(AdminOptions? admin = null, TimeProvider? time = null, int backups = 5, int answerCacheSize = 1024)
    {
        DatabasePath = _directory.File("lmcbot.db");
        File.Copy(Template.Value, DatabasePath);
        // With the sentence model and the committed vectors, as the host and the CLI run: answers go through the
        // default engine as users get it.
        KnowledgeBase = new KnowledgeBase(new KnowledgeStore(DatabasePath, time, DenseVectorSource.ForKnowledgeFolder(RepoPaths.Knowledge)), RepoPaths.Knowledge, backups);
        Editor = new KnowledgeEditor(KnowledgeBase);
        Bot = new ChatBot(KnowledgeBase, new AdminPolicy(admin ?? new AdminOptions()), Editor,
            knowledgeOptions: Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions { AnswerCacheSize = answerCacheSize }));
    }

    /// <summary>A database file synced from knowledge/ and closed, ready to copy (for child processes too).</summary>
    public static string TemplateDatabase => Template.Value;

    public string DatabasePath { get; }

    public string Directory => _directory.Path;

    public KnowledgeBase KnowledgeBase { get; }

    public KnowledgeEditor Editor { get; }

    public ChatBot Bot { get; }

    /// <summary>Sends a text command (<c>kb add citypair city_a:…</c>) the way Teams and the console do.</summary>
    /// <param name="scopeId">The Discord guild or Teams tenant it comes from (null: a DM or the CLI).</param>
    public Task<Answer> SendAsync(string text, ChatSender? sender = null, ChatPlatform platform = ChatPlatform.Cli, string? scopeId = null) =>
        Bot.HandleAsync(new ChatRequest { Platform = platform, Sender = sender ?? ChatSender.LocalUser, Text = text, ScopeId = scopeId });

    /// <summary>Sends a typed command (a Discord slash command, the CLI verb) with its options.</summary>
    public Task<Answer> CommandAsync(string path, IReadOnlyDictionary<string, string>? options = null, ChatSender? sender = null,
        ChatPlatform platform = ChatPlatform.Cli, ChatAttachment? attachment = null) =>
        Bot.HandleAsync(ChatRequest.ForCommand(platform, sender ?? ChatSender.LocalUser, path, options) with { Attachment = attachment });

    /// <summary>Sends a command that must succeed, and returns its answer.</summary>
    public async Task<Answer> OkAsync(string text)
    {
        var answer = await SendAsync(text);
        Assert.False(answer.IsError, $"\"{text}\" failed: {answer.Text}");
        return answer;
    }

    public Answer Ask(string question) => Bot.Ask(question, ChatPlatform.Cli);

    public IReadOnlyList<AuditEntry> Audit() => KnowledgeBase.Store.Read(s => s.Audit.FindAll().OrderBy(a => a.Id).ToList());

    public Fact? Fact(string id) => KnowledgeBase.Store.Read(s => s.Facts.FindById(id));

    public KnowledgeDocument? Document(string id) => KnowledgeBase.Store.Read(s => s.Documents.FindById(id));

    public int SentenceCount(string documentId) => KnowledgeBase.Store.Read(s => s.Sentences.Count(x => x.DocumentId == documentId));

    public void Dispose()
    {
        KnowledgeBase.Dispose();
        _directory.Dispose();
    }

    private static string BuildTemplate()
    {
        var directory = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        var path = directory.File("template.db");
        using (new KnowledgeBase(new KnowledgeStore(path, vectors: DenseVectorSource.ForKnowledgeFolder(RepoPaths.Knowledge)), RepoPaths.Knowledge)) { }
        return path;
    }
}
