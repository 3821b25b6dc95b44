using System.Collections.Concurrent;
using LmcBot.Core.Chat;

namespace LmcBot.Teams.Tests.Fakes;

/// <summary>
/// A hand-written <see cref="IChatBot"/> that records requests and answers from a script, for
/// tests about what the adapter does around the answer (typing, failures, sizes).
/// </summary>
public sealed class ScriptedChatBot : IChatBot
{
    public static readonly Citation StarExpressSource = new(
        "lmc-seed-article", "China, Mekong countries deepen ties", "The StarExpress links Kunming, Luang Prabang and Vientiane.")
    {
        Grade = "article",
        SourceDate = "2025-01-10",
        Url = "https://example.org/lmc-article",
    };

    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    /// <summary>The script; defaults to <see cref="Default"/>.</summary>
    public Func<ChatRequest, CancellationToken, Task<Answer>> Respond { get; set; } =
        (request, _) => Task.FromResult(Default(request));

    public async Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        return await Respond(request, cancellationToken);
    }

    public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25) => [];

    public static Answer Default(ChatRequest request)
    {
        var text = request.Text ?? request.Command ?? "";
        if (text.Equals("help", StringComparison.OrdinalIgnoreCase))
            return new Answer { Answered = true, Intent = "help", Text = "Ask a question in plain words, or use a command." };
        if (text.Equals("about", StringComparison.OrdinalIgnoreCase))
            return new Answer { Answered = true, Intent = "about", Text = "I answer questions from my knowledge base, with sources." };
        if (text.Contains("starexpress", StringComparison.OrdinalIgnoreCase))
            return new Answer
            {
                Answered = true,
                Intent = "route",
                Title = "StarExpress",
                Text = "StarExpress runs Kunming → Luang Prabang → Vientiane.",
                Fields = [new AnswerField("Stops", "Kunming, Luang Prabang, Vientiane"), new AnswerField("Launched", "2024")],
                Citations = [StarExpressSource],
                FollowUps = [new FollowUp("China-Laos Railway", "route China-Laos Railway"), FollowUp.Ask("investors Thailand")],
            };
        return new Answer { Answered = false, Intent = "decline", Text = "I don't know that yet." };
    }
}
