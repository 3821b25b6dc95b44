namespace LmcBot.Core.Answering.Deciding;

/// <summary>Stage 6's result: answer with <see cref="Best"/>, or decline and say why.</summary>
internal sealed record Decision
{
    public required bool Answer { get; init; }

    /// <summary>The candidate answered with (null on a decline that no candidate came near).</summary>
    public Candidate? Best { get; init; }

    /// <summary>Every candidate scored, best first.</summary>
    public required IReadOnlyList<Candidate> Ranked { get; init; }

    /// <summary>
    /// What decided: scorer, missing-year, missing-ordinal or current-office. A question decided before retrieval (an unknown
    /// name, nothing known, small talk, help, no words) gets no decision; <see cref="AnswerTrace.DecidedEarly"/> names it.
    /// </summary>
    public required string DecidedBy { get; init; }

    /// <summary>The probability the answer had to reach.</summary>
    public double Threshold { get; init; }

    /// <summary>A decline's reason, said to the user.</summary>
    public string? Reason { get; init; }

    /// <summary>A decline's finished answer, when the constraint composes its own (a missing year offers the nearest ones).</summary>
    public Chat.Answer? Reply { get; init; }

    /// <summary>
    /// A constraint the guarded engine takes as a certain decline, whatever the first round's engine would answer: the
    /// n-th meeting of a kind the knowledge has fewer of, the current holder of an office. (A missing year is not: the
    /// first round's engine answers figures by year itself.)
    /// </summary>
    public bool Certain { get; init; }

    /// <summary>Whether the sentence model ran for this question.</summary>
    public bool DenseRan { get; init; }
}
