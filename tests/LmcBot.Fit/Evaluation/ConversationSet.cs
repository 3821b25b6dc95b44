using System.Text.Json.Serialization;
using LmcBot.Core.Chat;
using LmcBot.Core.Conversations;

namespace LmcBot.Fit.Evaluation;

/// <summary>One labelled conversation of tests/eval/conversations (the format is in tests/eval/README.md).</summary>
public sealed class ConversationRow
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("turns")] public List<ConversationTurn> Turns { get; set; } = [];
    [JsonPropertyName("tags")] public List<string> Tags { get; set; } = [];

    /// <summary>Split by the conversation's id, with the rule every evaluation row follows (<see cref="EvalSplit"/>).</summary>
    [JsonIgnore] public bool IsValidation => EvalSplit.IsValidation(Id);
}

/// <summary>A message of a conversation, labelled as a question row is, and whether it depends on the turns before it.</summary>
public sealed class ConversationTurn : EvalRow
{
    /// <summary>Lacks a subject of its own: it only makes sense with the turns before it.</summary>
    [JsonPropertyName("follow_up")] public bool FollowUp { get; set; }

    /// <summary>Names a subject of its own, other than the turns before it: it must be answered about that subject.</summary>
    [JsonPropertyName("new_subject")] public bool NewSubject { get; set; }
}

/// <summary>The conversations of tests/eval/conversations/*.jsonl, and how a conversation service answered them.</summary>
public static class ConversationSet
{
    public static string Folder(string repositoryRoot) => Path.Combine(EvalSet.Folder(repositoryRoot), "conversations");

    /// <summary>Every conversation, in file and line order; a malformed line or a repeated id is an error naming it.</summary>
    public static List<ConversationRow> Load(string repositoryRoot) =>
        JsonLines.Load<ConversationRow>(Folder(repositoryRoot), r => r.Id, r => r.Turns.Count < 2 ? $"{r.Id} has fewer than two turns." : null);

    /// <summary>Each conversation sent turn by turn as one user in one place of its own, through <paramref name="service"/>.</summary>
    public static ConversationReport Run(IEnumerable<ConversationRow> conversations, ConversationService service, IQuestionAnswerer answerer)
    {
        var results = new List<(ConversationRow, int, Answer, string)>();
        foreach (var conversation in conversations)
        {
            var sender = new ChatSender("eval-" + conversation.Id, "Evaluator");
            for (var i = 0; i < conversation.Turns.Count; i++)
            {
                var request = new ChatRequest { Platform = ChatPlatform.Cli, Sender = sender, ConversationId = conversation.Id, Text = conversation.Turns[i].Question };
                var answer = service.Ask(request, conversation.Turns[i].Question, answerer, out var reading);
                results.Add((conversation, i, answer, reading.Question));
            }
        }
        return ConversationReport.Of(results);
    }
}
