using System.Collections.Concurrent;
using LmcBot.Core.Chat;

namespace LmcBot.Testing;

/// <summary>
/// A hand-written <see cref="IChatBot"/> for adapter tests: records every request and answers from
/// <see cref="Respond"/>, by default <see cref="Echo"/>; <see cref="ByKeyword"/> is the other script.
/// Completions come from a fixed list of cities (countries for a <c>country</c> option).
/// </summary>
public sealed class ScriptedChatBot : IChatBot
{
    public static readonly string[] Cities =
    [
        "Bangkok", "Chiang Mai", "Chiang Rai", "Guangzhou", "Hanoi", "Ho Chi Minh City", "Kunming", "Luang Prabang",
        "Mandalay", "Nanning", "Phnom Penh", "Siem Reap", "Vientiane", "Yangon", "Chongqing", "Wanzhou", "Jinghong",
        "Mohan", "Boten", "Vang Vieng", "Khon Kaen", "Udon Thani", "Nong Khai", "Da Nang", "Hai Phong", "Lao Cai",
        "Mengla", "Pu'er", "Yuxi", "Chengdu", "Shenzhen", "Shanghai",
    ];

    public static readonly Citation StarExpressSource = new(
        "lmc-seed-article", "China, Mekong countries deepen ties", "The StarExpress links Kunming, Luang Prabang and Vientiane.")
    {
        Grade = "article",
        SourceDate = "2025-01-10",
        Url = "https://example.org/lmc-article",
    };

    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    public ScriptedChatBot(Func<ChatRequest, Answer>? script = null)
    {
        var answer = script ?? Echo;
        Respond = (request, _) => Task.FromResult(answer(request));
    }

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    /// <summary>The script; a test may replace it to delay, fail or shape the answer.</summary>
    public Func<ChatRequest, CancellationToken, Task<Answer>> Respond { get; set; }

    public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25)
    {
        if (option == "country")
            return ["Cambodia", "China", "Laos", "Myanmar", "Thailand", "Vietnam"];
        return [.. Cities.Where(c => c.Contains(partial, StringComparison.OrdinalIgnoreCase)).Take(max)];
    }

    public Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        return Respond(request, cancellationToken);
    }

    /// <summary>Answers every request with its own question, one citation and one follow-up.</summary>
    public static Answer Echo(ChatRequest request) => new()
    {
        Answered = true,
        Intent = Intent.Fact,
        Title = "LMC",
        Text = "Answer to: " + (request.Text ?? request.Options.GetValueOrDefault("question") ?? request.Command),
        Citations = [new Citation("lmc-seed-article", "LMC seed article", "established in 2016") { Grade = "article" }],
        FollowUps = [FollowUp.Ask("Who are the LMC members?")],
    };

    /// <summary>help and about answer as such, a question naming StarExpress gets a route with fields and a source, anything else is declined.</summary>
    public static Answer ByKeyword(ChatRequest request)
    {
        var text = request.Text ?? request.Command ?? "";
        if (text.Equals("help", StringComparison.OrdinalIgnoreCase))
            return new Answer { Answered = true, Intent = Intent.Help, Text = "Ask a question in plain words, or use a command." };
        if (text.Equals("about", StringComparison.OrdinalIgnoreCase))
            return new Answer { Answered = true, Intent = Intent.About, Text = "I answer questions from my knowledge base, with sources." };
        if (text.Contains("starexpress", StringComparison.OrdinalIgnoreCase))
            return new Answer
            {
                Answered = true,
                Intent = Intent.Route,
                Title = "StarExpress",
                Text = "StarExpress runs Kunming → Luang Prabang → Vientiane.",
                Fields = [new AnswerField("Stops", "Kunming, Luang Prabang, Vientiane"), new AnswerField("Launched", "2024")],
                Citations = [StarExpressSource],
                FollowUps = [new FollowUp("China-Laos Railway", "route China-Laos Railway"), FollowUp.Ask("investors Thailand")],
            };
        return new Answer { Answered = false, Intent = Intent.Decline, Text = "I don't know that yet." };
    }
}
