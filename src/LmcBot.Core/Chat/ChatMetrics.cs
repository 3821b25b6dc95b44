using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LmcBot.Core.Chat;

/// <summary>The core's instruments on the Meter <c>LmcBot</c>: what the bot answered, declined or refused, how long it took, and how people voted on answers.</summary>
public sealed class ChatMetrics
{
    public const string MeterName = "LmcBot";

    private readonly Counter<long> _answered;
    private readonly Counter<long> _declined;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _adminChanges;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _feedbackVotes;

    public ChatMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _answered = meter.CreateCounter<long>("lmcbot_questions_answered", description: "Requests answered from the knowledge base, by platform and intent.");
        _declined = meter.CreateCounter<long>("lmcbot_questions_declined", description: "Questions the knowledge base does not cover, by platform and intent.");
        _refused = meter.CreateCounter<long>("lmcbot_requests_refused", description: "Requests refused: usage errors, admin-only, rate-limited, internal errors; by platform and intent.");
        _adminChanges = meter.CreateCounter<long>("lmcbot_admin_changes", description: "kb commands that changed the knowledge base (add, edit, remove, import, undo, restore), by platform and intent.");
        _latency = meter.CreateHistogram<double>("lmcbot_answer_duration", unit: "s", description: "Time to produce an answer, by platform.");
        _feedbackVotes = meter.CreateCounter<long>("lmcbot_feedback_votes",
            description: "Votes on answers recorded, by platform and kind (helpful, wrong); a changed vote counts again, the same vote repeated does not.");
    }

    public void Record(ChatPlatform platform, Answer answer, TimeSpan elapsed)
    {
        var tags = new TagList { { "platform", platform.ToString() }, { "intent", answer.Intent.Name } };
        if (answer.IsError) _refused.Add(1, tags);
        else if (answer.Answered) _answered.Add(1, tags);
        else if (!answer.Intent.IsInformational) _declined.Add(1, tags);
        if (answer.Answered && !answer.IsError && answer.Intent.ChangesKnowledge) _adminChanges.Add(1, tags);
        _latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("platform", platform.ToString()));
    }

    /// <summary>Counts a vote on an answer that was stored (a first vote, or one that replaced the user's other vote).</summary>
    public void RecordVote(ChatPlatform platform, bool helpful) =>
        _feedbackVotes.Add(1, new TagList { { "platform", platform.ToString() }, { "kind", helpful ? "helpful" : "wrong" } });
}
