using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Fit.Evaluation;

/// <summary>
/// A real bot over a fresh database built from the repository's knowledge/, with the evaluation's documents
/// imported through <c>kb import</c> as an admin would, answering through the same pipeline as every surface.
/// </summary>
public sealed class EvalBot : IDisposable
{
    private readonly string _directory;

    public EvalBot(string repositoryRoot, ISentenceEmbedder? embedder)
    {
        _directory = Path.Combine(Path.GetTempPath(), "lmcbot-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var knowledge = Path.Combine(repositoryRoot, "knowledge");
        Store = StoreFor(Path.Combine(_directory, "eval.db"), knowledge, embedder);
        KnowledgeBase = new KnowledgeBase(Store, knowledge);
        Embedder = embedder;
        Bot = new ChatBot(KnowledgeBase, new AdminPolicy(new AdminOptions()), new KnowledgeEditor(KnowledgeBase), embedder: embedder);
        foreach (var document in EvalSet.ImportedDocuments(repositoryRoot))
        {
            var answer = Bot.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "kb import", null)
                with { Attachment = new ChatAttachment(Path.GetFileName(document), "text/markdown", File.ReadAllText(document)) }).GetAwaiter().GetResult();
            if (answer.IsError) throw new InvalidOperationException($"Importing {Path.GetFileName(document)} failed: {answer.Text}");
        }
    }

    public KnowledgeStore Store { get; }

    private static KnowledgeStore StoreFor(string path, string knowledge, ISentenceEmbedder? embedder) =>
        embedder is null ? new(path) : new(path, vectors: new DenseVectorSource(embedder, VectorFile.PathFor(knowledge, embedder.ModelId)));

    public KnowledgeBase KnowledgeBase { get; }

    public ISentenceEmbedder? Embedder { get; }

    public ChatBot Bot { get; }

    public void Dispose()
    {
        KnowledgeBase.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder left behind is harmless
        }
    }
}
