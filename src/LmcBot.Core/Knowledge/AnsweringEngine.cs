namespace LmcBot.Core.Knowledge;

/// <summary>The answering engines <see cref="KnowledgeOptions.Answering"/> chooses between.</summary>
public enum AnsweringEngine
{
    /// <summary>
    /// The default: the first round's engine answers, and the staged pipeline's calibrated score vetoes. A question the
    /// pipeline declines for certain (an unknown name, nothing known, the n-th meeting of a kind the knowledge has fewer
    /// of, the current holder of an office) or whose best candidate it scores under the fitted veto threshold is
    /// declined with the pipeline's reason.
    /// </summary>
    Guarded,

    /// <summary>The first round's hand-tuned engine.</summary>
    Legacy,

    /// <summary>The staged pipeline: resolve names, read, retrieve (lexical and dense), fitted scorer, calibrated decline.</summary>
    Pipeline,
}
