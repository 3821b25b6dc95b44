using System.Collections.Concurrent;
using LmcBot.Core.Chat;

namespace LmcBot.Discord.Tests.Support;

/// <summary>
/// A hand-written <see cref="IChatBot"/> for protocol tests: records every request and answers from
/// <see cref="Handler"/> (by default an answer with one citation and one follow-up).
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

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    public Func<ChatRequest, CancellationToken, Task<Answer>> Handler { get; set; } = (request, _) => Task.FromResult(DefaultAnswer(request));

    public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25)
    {
        if (option == "country")
            return ["Cambodia", "China", "Laos", "Myanmar", "Thailand", "Vietnam"];
        return Cities.Where(c => c.Contains(partial, StringComparison.OrdinalIgnoreCase)).Take(max).ToList();
    }

    public Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        return Handler(request, cancellationToken);
    }

    public static Answer DefaultAnswer(ChatRequest request) => new()
    {
        Answered = true,
        Intent = Intent.Fact,
        Title = "LMC",
        Text = "Answer to: " + (request.Text ?? request.Options.GetValueOrDefault("question") ?? request.Command),
        Citations = [new Citation("lmc-seed-article", "LMC seed article", "established in 2016") { Grade = "article" }],
        FollowUps = [FollowUp.Ask("Who are the LMC members?")],
    };
}
