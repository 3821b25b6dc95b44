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
    /// Ask "did you mean" when the two best candidates are about different subjects and the second's share of the
    /// ranker's score is within this of the first's (0 never asks). Chosen on the training part by <c>LmcBot.Fit -- choices</c>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ChoiceMargin { get; set; } = 0.0;
}
