using LmcBot.Core.Answering;

namespace LmcBot.Core.Conversations;

/// <summary>
/// The answering pipeline's reading of a message (stages 1 to 3), remembered per index: a conversation reads every
/// message, the question it resolves to and the context it leaves, and the same words come again and again.
/// </summary>
internal static class Readings
{
    /// <summary>Messages remembered per index: the answer cache's default size (KnowledgeOptions.AnswerCacheSize).</summary>
    private const int RememberedMessages = 1024;

    private static readonly IndexMemo<QuestionAnalysis> Memo = new(RememberedMessages);

    public static QuestionAnalysis Analyze(string message, KnowledgeIndex index) =>
        Memo.GetOrAdd(index, message, m => QuestionAnalysis.Analyze(m, index));
}
