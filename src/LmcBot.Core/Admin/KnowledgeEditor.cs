using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Admin;

/// <summary>
/// The one service that changes the knowledge base on an admin's behalf (<c>kb …</c> commands): every
/// change is validated, applied in one transaction with its audit entry, and made answerable at once.
/// </summary>
public sealed class KnowledgeEditor(KnowledgeBase knowledgeBase)
{
    public KnowledgeBase KnowledgeBase { get; } = knowledgeBase;

    /// <summary>Runs an admin command (<paramref name="path"/> such as <c>kb add citypair</c>) with validated options.</summary>
    public Answer Handle(string path, IReadOnlyDictionary<string, string> options, ChatRequest request)
    {
        _ = options;
        _ = request;
        return Answer.Error(path, $"'{path}' is not available yet.");
    }
}
