namespace LmcBot.Core.Knowledge;

/// <summary>The answering engines <see cref="KnowledgeOptions.Answering"/> chooses between.</summary>
public enum AnsweringEngine
{
    /// <summary>The first round's hand-tuned engine.</summary>
    Legacy,

    /// <summary>The staged pipeline: resolve names, read, retrieve (lexical and dense), fitted scorer, calibrated decline.</summary>
    Pipeline,
}
