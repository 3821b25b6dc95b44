using System.ComponentModel.DataAnnotations;

namespace LmcBot.Core.Conversations;

/// <summary>
/// Follow-up context, "did you mean" choices and answer feedback (section <c>Conversation</c>). Every number is a
/// product decision or a bound on memory; the choice margin is fitted on the evaluation data (docs/ANSWERING.md).
/// </summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>How long the last answered question's subject is remembered for a follow-up (the 10 minutes).</summary>
    [Range(0, 24 * 60)]
    public int ContextMinutes { get; set; } = 10;

    /// <summary>Conversations remembered at once; the least recently used is forgotten first (bounds memory at about 1 KB each).</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>How long the feedback buttons under an answer stay valid (a day: people vote soon after reading, or not at all).</summary>
    [Range(1, 24 * 30)]
    public int FeedbackHours { get; set; } = 24;

    /// <summary>Choice and feedback tokens remembered at once (each about 0.5 KB); the oldest is forgotten first.</summary>
    [Range(1, 1_000_000)]
    public int MaxPendingActions { get; set; } = 50_000;

    /// <summary>
    /// Ask "did you mean" when the best candidates are about different subjects of one type and the runner-up's share of
    /// the ranker's softmax is within this of the first's (0 never asks; <see cref="Disambiguator"/>).
    /// </summary>
    /// <remarks>
    /// 0.88 was chosen on the training part of tests/eval/choices by <c>LmcBot.Fit -- choices</c> (the smallest margin of
    /// the best asked-right-when-ambiguous less asked-when-not: 70.8 % and 9.3 %); validation 57.1 % and 3.7 %
    /// (docs/ANSWERING.md, "Did you mean"). The ranker's shares are peaky, so nearly every reading the question does not
    /// contradict is within it: the subject, type and contradiction tests decide most of the asking.
    /// </remarks>
    [Range(0.0, 1.0)]
    public double ChoiceMargin { get; set; } = 0.88;

    /// <summary>How long "did you mean" choices stay valid (an hour: a choice is clicked soon after the question, or not at all).</summary>
    [Range(1, 24 * 60)]
    public int ChoiceMinutes { get; set; } = 60;
}
