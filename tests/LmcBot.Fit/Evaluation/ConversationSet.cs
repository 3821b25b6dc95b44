using System.Text.Json;
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
public sealed class ConversationTurn
{
    [JsonPropertyName("q")] public string Question { get; set; } = "";
    [JsonPropertyName("answerable")] public bool Answerable { get; set; }
    [JsonPropertyName("facts")] public List<string> Facts { get; set; } = [];
    [JsonPropertyName("document")] public string? Document { get; set; }
    [JsonPropertyName("sentence")] public string? Sentence { get; set; }
    [JsonPropertyName("expect_all")] public List<string> ExpectAll { get; set; } = [];
    [JsonPropertyName("expect_any")] public List<string> ExpectAny { get; set; } = [];
    [JsonPropertyName("decline")] public string? Decline { get; set; }

    /// <summary>Lacks a subject of its own: it only makes sense with the turns before it.</summary>
    [JsonPropertyName("follow_up")] public bool FollowUp { get; set; }

    /// <summary>Names a subject of its own, other than the turns before it: it must be answered about that subject.</summary>
    [JsonPropertyName("new_subject")] public bool NewSubject { get; set; }

    /// <summary>The turn as a question row, for <see cref="EvalJudge"/>.</summary>
    public EvalRow AsRow(string id) => new()
    {
        Id = id, Question = Question, Answerable = Answerable, Facts = Facts, Document = Document, Sentence = Sentence,
        ExpectAll = ExpectAll, ExpectAny = ExpectAny, Decline = Decline,
    };
}

/// <summary>The conversations of tests/eval/conversations/*.jsonl, and how a conversation service answered them.</summary>
public static class ConversationSet
{
    public static string Folder(string repositoryRoot) => Path.Combine(EvalSet.Folder(repositoryRoot), "conversations");

    /// <summary>Every conversation, in file and line order; a malformed line or a repeated id is an error naming it.</summary>
    public static List<ConversationRow> Load(string repositoryRoot)
    {
        var rows = new List<ConversationRow>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder(repositoryRoot), "*.jsonl").Order(StringComparer.Ordinal))
        {
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                ConversationRow row;
                try
                {
                    row = JsonSerializer.Deserialize<ConversationRow>(text) ?? throw new JsonException("null row");
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}:{line}: {ex.Message}", ex);
                }
                if (!ids.Add(row.Id)) throw new InvalidDataException($"{Path.GetFileName(file)}:{line}: id {row.Id} is used twice.");
                if (row.Turns.Count < 2) throw new InvalidDataException($"{Path.GetFileName(file)}:{line}: {row.Id} has fewer than two turns.");
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>How each turn of the last <see cref="Run"/> was read (for the fit tool's failure list).</summary>
    public static Dictionary<(string Conversation, int Turn), string> Readings { get; } = [];

    /// <summary>Each conversation sent turn by turn as one user in one place of its own, through <paramref name="service"/>.</summary>
    public static ConversationReport Run(IEnumerable<ConversationRow> conversations, ConversationService service, IQuestionAnswerer answerer)
    {
        var results = new List<(ConversationRow, int, Answer)>();
        foreach (var conversation in conversations)
        {
            var sender = new ChatSender("eval-" + conversation.Id, "Evaluator");
            for (var i = 0; i < conversation.Turns.Count; i++)
            {
                var request = new ChatRequest { Platform = ChatPlatform.Cli, Sender = sender, ConversationId = conversation.Id, Text = conversation.Turns[i].Question };
                var reading = service.Read(request, conversation.Turns[i].Question, answerer);
                results.Add((conversation, i, service.Ask(request, conversation.Turns[i].Question, answerer)));
                Readings[(conversation.Id, i)] = reading.Question;
            }
        }
        return ConversationReport.Of(results);
    }
}
