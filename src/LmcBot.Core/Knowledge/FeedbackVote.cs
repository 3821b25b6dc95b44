namespace LmcBot.Core.Knowledge;

/// <summary>
/// One user's vote on one answer, in the database's <c>feedback</c> collection. The user is a pseudonymous key
/// (<see cref="FeedbackVotes.UserKey"/>), never their platform id; the id makes a second vote on the same answer replace the first.
/// </summary>
public sealed class FeedbackVote
{
    /// <summary>A hash of <see cref="AnswerKey"/> and <see cref="UserKey"/>: one vote per user per answer.</summary>
    public string Id { get; set; } = "";

    /// <summary>The folded question, which <c>kb feedback</c> groups by.</summary>
    public string QuestionKey { get; set; } = "";

    /// <summary>What identifies the answer: the folded question and the facts it stated (or, without facts, its documents).</summary>
    public string AnswerKey { get; set; } = "";

    /// <summary>The question as asked (shortened, control characters removed).</summary>
    public string Question { get; set; } = "";

    /// <summary>The answer that was given (shortened).</summary>
    public string AnswerText { get; set; } = "";

    /// <summary>The answer's intent (<c>route</c>, <c>figure</c>, …).</summary>
    public string Intent { get; set; } = "";

    public List<string> FactIds { get; set; } = [];

    public List<string> DocumentIds { get; set; } = [];

    /// <summary>The facts' versions (or documents' hashes) when the answer was given.</summary>
    public AnswerBasis Basis { get; set; } = new();

    /// <summary>Where the vote came from (<c>Discord</c>, <c>Teams</c>, <c>Cli</c>).</summary>
    public string Platform { get; set; } = "";

    /// <summary>The voter, pseudonymous: an HMAC-SHA256 of the platform and the user's id under this database's salt.</summary>
    public string UserKey { get; set; } = "";

    public VoteKind Kind { get; set; }

    /// <summary>When the vote was last cast or changed (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>When this user first voted on this answer (UTC).</summary>
    public DateTime FirstAt { get; set; }
}
