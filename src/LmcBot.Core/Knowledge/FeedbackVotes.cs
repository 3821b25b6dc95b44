using System.Security.Cryptography;
using System.Text;
using LmcBot.Core.Chat;
using LmcBot.Core.Text;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// The votes on answers, in the knowledge store's <c>feedback</c> collection, each written in one transaction under the
/// store's write lock like every other change. Voters are kept as pseudonymous keys: a salted hash of their platform
/// id, with a random salt made once per database and kept in it, so a key cannot be turned back into an id, nor
/// matched with the keys of another database.
/// </summary>
public sealed class FeedbackVotes(KnowledgeStore store)
{
    /// <summary>Longest question and answer text kept with a vote (the report shows less).</summary>
    public const int MaxTextLength = 600;

    /// <summary>Bytes of the HMAC kept in a user key: 128 bits, beyond collision among any number of users.</summary>
    private const int UserKeyBytes = 16;

    private byte[]? _salt;

    /// <summary>The voter's pseudonymous key: HMAC-SHA256 of the platform and the user's id under this database's salt.</summary>
    public string UserKey(ChatPlatform platform, string userId)
    {
        // Read once; two threads reading it at once both get the one salt the store keeps.
        var salt = _salt ??= store.FeedbackSalt();
        var mac = HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(platform.ToString() + "\u001F" + userId));
        return Convert.ToHexStringLower(mac.AsSpan(0, UserKeyBytes));
    }

    /// <summary>What identifies an answer: its folded question and the facts it stated, or, without facts, its documents.</summary>
    public static string AnswerKey(string questionKey, IEnumerable<string> factIds, IEnumerable<string> documentIds)
    {
        var facts = factIds.Order(StringComparer.Ordinal).ToList();
        var rests = facts.Count > 0 ? "facts:" + string.Join(",", facts) : "documents:" + string.Join(",", documentIds.Order(StringComparer.Ordinal));
        return questionKey + "\u001F" + rests;
    }

    /// <summary>The folded question votes are grouped by (bounded, as <c>kb unanswered</c>'s keys are).</summary>
    public static string QuestionKey(string question)
    {
        var key = TextFolding.Fold(question);
        return key.Length > 300 ? key[..300] : key;
    }

    /// <summary>
    /// Stores <paramref name="vote"/> as its user's one vote on its answer (<see cref="FeedbackVote.UserKey"/> and
    /// <see cref="FeedbackVote.AnswerKey"/> must be set): a first vote is added, a vote the other way replaces the earlier
    /// one, the same vote again changes nothing.
    /// </summary>
    public VoteRecorded Record(FeedbackVote vote)
    {
        vote.Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(vote.AnswerKey + "\u001F" + vote.UserKey)));
        vote.Question = Shorten(TextFolding.Sanitize(vote.Question).Trim());
        vote.AnswerText = Shorten(vote.AnswerText);
        return store.Write(s =>
        {
            var now = s.Now;
            var earlier = s.Feedback.FindById(vote.Id);
            if (earlier is not null && earlier.Kind == vote.Kind) return VoteRecorded.Repeated;
            vote.At = now;
            vote.FirstAt = earlier?.FirstAt ?? now;
            s.Feedback.Upsert(vote);
            return earlier is null ? VoteRecorded.New : VoteRecorded.Changed;
        });
    }

    /// <summary>Every vote stored, of both kinds.</summary>
    public IReadOnlyList<FeedbackVote> All() => store.Read(s => s.Feedback.FindAll().ToList());

    private static string Shorten(string text) => text.Length > MaxTextLength ? text[..MaxTextLength] : text;
}
