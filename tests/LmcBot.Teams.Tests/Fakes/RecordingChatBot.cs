using System.Collections.Concurrent;
using LmcBot.Core.Chat;

namespace LmcBot.Teams.Tests.Fakes;

/// <summary>Passes requests to a real bot and keeps them, so tests can check what the adapter asked.</summary>
public sealed class RecordingChatBot(IChatBot inner) : IChatBot
{
    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    public Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        return inner.HandleAsync(request, cancellationToken);
    }

    public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25) =>
        inner.Complete(command, option, partial, max);
}
