namespace LmcBot.Core.Knowledge;

/// <summary>The two votes on an answer.</summary>
public enum VoteKind
{
    /// <summary>"Helpful".</summary>
    Helpful,

    /// <summary>"Not right": the admins' <c>kb feedback</c> lists it until a fact it rests on is edited or removed.</summary>
    Wrong,
}
