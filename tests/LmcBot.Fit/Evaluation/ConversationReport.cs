using System.Globalization;
using LmcBot.Core.Chat;

namespace LmcBot.Fit.Evaluation;

/// <summary>
/// How conversations scored. Follow-ups (turns without a subject of their own) answered right, or declined when they must
/// be, is the 90 % gate. A turn that names a subject of its own (a new question, or a follow-up swapping in a
/// subject the knowledge lacks) but is answered with a fact only an earlier turn asked about carried context wrongly:
/// the gate there is none at all.
/// </summary>
public sealed record ConversationReport(int Conversations, int FollowUps, int FollowUpsRight, int Others, int OthersRight, int WronglyCarried,
    IReadOnlyList<(ConversationRow Conversation, int Turn, Answer Answer, string Reading, string Why)> Failures)
{
    public double FollowUpRate => FollowUps == 0 ? 1 : (double)FollowUpsRight / FollowUps;
    public double OtherRate => Others == 0 ? 1 : (double)OthersRight / Others;

    /// <param name="results">Each turn's answer, and the question the conversation service read it as.</param>
    public static ConversationReport Of(IEnumerable<(ConversationRow Conversation, int Turn, Answer Answer, string Reading)> results)
    {
        int followUps = 0, followUpsRight = 0, others = 0, othersRight = 0, carried = 0;
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<(ConversationRow, int, Answer, string, string)>();
        foreach (var (conversation, index, answer, reading) in results)
        {
            conversations.Add(conversation.Id);
            var turn = conversation.Turns[index];
            var right = EvalJudge.IsRight(turn, answer);
            if (turn.FollowUp) { followUps++; if (right) followUpsRight++; }
            else { others++; if (right) othersRight++; }
            var wrongCarry = index > 0 && NamesItsOwnSubject(turn) && answer.Answered && CarriesEarlierFacts(conversation, index, answer);
            if (wrongCarry) carried++;
            if (!right || wrongCarry) failures.Add((conversation, index, answer, reading, wrongCarry ? "CARRIED" : turn.Answerable ? "MISS" : "TRAP"));
        }
        return new ConversationReport(conversations.Count, followUps, followUpsRight, others, othersRight, carried, failures);
    }

    /// <summary>A new question, or a follow-up that swaps in a name the knowledge lacks ("what about Tesla?").</summary>
    private static bool NamesItsOwnSubject(ConversationTurn turn) => turn.NewSubject || turn.Decline == "name";

    /// <summary>The answer states a fact an earlier turn was labelled with, and none of this turn's own.</summary>
    private static bool CarriesEarlierFacts(ConversationRow conversation, int index, Answer answer)
    {
        var own = conversation.Turns[index].Facts.ToHashSet(StringComparer.Ordinal);
        var earlier = conversation.Turns.Take(index).SelectMany(t => t.Facts).Where(f => !own.Contains(f)).ToHashSet(StringComparer.Ordinal);
        return answer.FactIds.Any(earlier.Contains) && !answer.FactIds.Any(own.Contains);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Conversations} conversations: follow-ups right {FollowUpsRight}/{FollowUps} ({FollowUpRate:P1}), other turns right {OthersRight}/{Others} ({OtherRate:P1}), wrongly carried context {WronglyCarried}");
}
