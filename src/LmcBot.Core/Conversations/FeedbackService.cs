using LiteDB;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LmcBot.Core.Conversations;

/// <summary>
/// Feedback on answers: the "Helpful" and "Not right" actions on each answer from the knowledge base, the votes they
/// record (one per user per answer, the user kept as a salted hash), and the <c>kb feedback</c> report admins fix facts
/// from. A vote never changes an answer: it only tells the admins where to look.
/// </summary>
public sealed partial class FeedbackService(
    KnowledgeBase knowledgeBase,
    ActionTokens tokens,
    IOptions<ConversationOptions> options,
    ChatMetrics? metrics = null,
    ILogger<FeedbackService>? logger = null)
{
    private readonly FeedbackVotes _votes = new(knowledgeBase.Store);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Questions whose feedback token is remembered per index: the answer cache's default size (KnowledgeOptions.AnswerCacheSize).</summary>
    private const int RememberedQuestions = 1024;

    private readonly IndexMemo<IssuedToken> _issued = new(RememberedQuestions);

    /// <summary>The feedback token last issued for one question's answer, and until when it is valid.</summary>
    private sealed class IssuedToken
    {
        public string? Token { get; set; }
        public DateTimeOffset Expires { get; set; }
        public string? AnswerText { get; set; }
    }

    /// <summary>
    /// <paramref name="answer"/> with its "Helpful" and "Not right" actions when it is an answer from the knowledge base
    /// (help, declines, refusals and admin replies get none), valid for <see cref="ConversationOptions.FeedbackHours"/>.
    /// </summary>
    public Answer Attach(string question, Answer answer)
    {
        if (!answer.Answered || answer.IsError || answer.Intent.IsAdmin || answer.Intent.IsInformational || answer.Feedback.Count > 0)
            return answer;
        var index = knowledgeBase.Current;
        // One token per answer and knowledge version, not per reply: the same answer given again (the answer cache) carries
        // the token it got first while that has more than half its life left, so a busy bot does not fill memory with
        // thousands of pending votes on one answer. Who voted is the clicker's, never the token's.
        var lifetime = TimeSpan.FromHours(options.Value.FeedbackHours);
        var issued = _issued.GetOrAdd(index, question, _ => new IssuedToken());
        string? token;
        lock (issued)
        {
            token = issued.Token is { } reused && issued.Expires - tokens.Now > lifetime / 2 && issued.AnswerText == answer.Text ? reused : null;
            if (token is null)
            {
                var documentIds = answer.Citations.Select(c => c.DocumentId).Where(index.Documents.ContainsKey).Distinct().ToList();
                var basis = BasisOf(answer.FactIds, documentIds, index);
                if (basis.FactVersions.Count == 0 && basis.DocumentHashes.Count == 0) return answer; // nothing an admin could fix
                var expires = tokens.Now + lifetime;
                token = tokens.Issue(new PendingFeedback(question, answer.Text, answer.FactIds, documentIds, answer.Intent)
                {
                    Expires = expires,
                    Basis = basis,
                });
                (issued.Token, issued.Expires, issued.AnswerText) = (token, expires, answer.Text);
            }
        }
        return answer with
        {
            Feedback = [new FollowUp("Helpful", $"feedback token:{token} vote:helpful"), new FollowUp("Not right", $"feedback token:{token} vote:wrong")],
        };
    }

    /// <summary>Records <paramref name="request"/>'s sender's vote on <paramref name="answered"/> and thanks them, privately.</summary>
    public Answer Record(ChatRequest request, PendingFeedback answered, bool helpful)
    {
        var kind = helpful ? VoteKind.Helpful : VoteKind.Wrong;
        VoteRecorded recorded;
        try
        {
            var questionKey = FeedbackVotes.QuestionKey(answered.Question);
            recorded = _votes.Record(new FeedbackVote
            {
                QuestionKey = questionKey,
                AnswerKey = FeedbackVotes.AnswerKey(questionKey, answered.FactIds, answered.DocumentIds),
                Question = answered.Question,
                AnswerText = answered.AnswerText,
                Intent = answered.Intent.Name,
                FactIds = [.. answered.FactIds],
                DocumentIds = [.. answered.DocumentIds],
                Basis = answered.Basis,
                Platform = request.Platform.ToString(),
                UserKey = _votes.UserKey(request.Platform, request.Sender.Id),
                Kind = kind,
            });
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            LogVoteFailed(_logger, ex);
            return Answer.Error(Intent.Feedback, ErrorKind.Internal,
                "I could not record your vote: the knowledge base could not be written. The error was logged for the operators; please try again later.");
        }
        if (recorded != VoteRecorded.Repeated) metrics?.RecordVote(request.Platform, helpful);
        return new Answer { Answered = false, Intent = Intent.Feedback, Private = true, Confidence = 1, Text = Thanks(kind, recorded) };
    }

    /// <summary>The <c>kb feedback</c> report: <paramref name="page"/> is the command's <c>page</c> option as given (null for the first).</summary>
    public Answer Report(string? page)
    {
        try
        {
            return FeedbackReport.Build(_votes.All(), knowledgeBase.Current, page);
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            LogReportFailed(_logger, ex);
            return Answer.Error(Intent.KbFeedback, ErrorKind.Internal,
                $"The knowledge base could not be read ({ex.Message}). The error was logged for the operators.");
        }
    }

    private static AnswerBasis BasisOf(IReadOnlyList<string> factIds, IReadOnlyList<string> documentIds, KnowledgeIndex index)
    {
        var basis = new AnswerBasis();
        foreach (var id in factIds)
            if (index.FactNamed(id) is { } fact) basis.FactVersions[id] = fact.Fact.Version;
        // An answer quoted from a document's text rests on the document; one stated by facts, on the facts alone.
        if (basis.FactVersions.Count == 0)
            foreach (var id in documentIds)
                basis.DocumentHashes[id] = index.Documents[id].ContentHash;
        return basis;
    }

    private static string Thanks(VoteKind kind, VoteRecorded recorded) => (kind, recorded) switch
    {
        (VoteKind.Wrong, VoteRecorded.New) => "Thanks — noted. An admin will look at it.",
        (VoteKind.Wrong, VoteRecorded.Changed) => "Thanks — noted. Your vote on this answer is now \"Not right\" instead of \"Helpful\"; an admin will look at it.",
        (VoteKind.Wrong, _) => "You have already marked this answer \"Not right\"; it counts once. An admin will look at it.",
        (_, VoteRecorded.New) => "Thanks — glad it helped.",
        (_, VoteRecorded.Changed) => "Thanks — your vote on this answer is now \"Helpful\" instead of \"Not right\".",
        _ => "You have already marked this answer \"Helpful\"; it counts once. Thanks!",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A vote on an answer could not be stored")]
    private static partial void LogVoteFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "kb feedback could not read the votes")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);
}
