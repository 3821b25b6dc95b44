using LmcBot.Core.Chat;

namespace LmcBot.Discord.Load;

/// <summary>Answers every request with the same cited answer, so a run measures the adapter without the core's work.</summary>
internal sealed class ConstantChatBot : IChatBot
{
    private static readonly Answer Fixed = new()
    {
        Answered = true,
        Intent = Intent.Route,
        Text = "The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang.",
        Citations =
        [
            new Citation("lmc-seed-article", "China and the Mekong countries deepen cooperation under the LMC framework",
                "The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang") { Grade = "article" },
        ],
        FollowUps = [FollowUp.Ask("Tell me about Kunming"), FollowUp.Ask("citypairs Kunming")],
    };

    public Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default) => Task.FromResult(Fixed);

    public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25) => [];
}
