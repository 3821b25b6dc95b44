namespace LmcBot.Core.Knowledge;

/// <summary>What recording a vote did: each user has at most one vote per answer.</summary>
public enum VoteRecorded
{
    /// <summary>The user's first vote on this answer.</summary>
    New,

    /// <summary>The user had voted the other way on this answer; the new vote replaced it.</summary>
    Changed,

    /// <summary>The user had already voted the same way on this answer; it still counts once.</summary>
    Repeated,
}
