namespace LmcBot.Core.Chat;

/// <summary>The one entry point adapters call: answer a request, or complete an option value.</summary>
public interface IChatBot
{
    /// <summary>Routes a request to its handler and returns the answer. Never throws for bad input.</summary>
    Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default);

    /// <summary>Option completions (Discord autocomplete, Teams hints): at most <paramref name="max"/> names that match <paramref name="partial"/>.</summary>
    IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25);
}
