namespace LmcBot.Hosting;

/// <summary>
/// Counts requests in flight (admitted before the stop) and, when the host stops, holds the listener open until they are done, so a request
/// arriving meanwhile gets <see cref="RequestGuard"/>'s 503 with Retry-After rather than a refused connection.
/// </summary>
/// <remarks>
/// <see cref="StoppingAsync"/> runs before any hosted service stops (the web server included) and within the
/// shutdown timeout; the server then finds nothing in flight. Deferred Discord answers and Teams turns that outlive
/// their request are awaited later, by their own hosted services.
/// </remarks>
public sealed class RequestDrain(IHostApplicationLifetime lifetime) : IHostedLifecycleService
{
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _stopping;

    /// <summary>
    /// True from the stop signal on (SIGTERM signals the lifetime first; a direct <c>StopAsync</c> calls
    /// <see cref="StoppingAsync"/> first): new requests are refused.
    /// </summary>
    public bool IsDraining => _stopping || lifetime.ApplicationStopping.IsCancellationRequested;

    public int InFlight => Volatile.Read(ref _inFlight);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Exit()
    {
        // Draining is set before StoppingAsync looks at the count, so the last request out always signals. A request
        // admitted just as the drain began may still be running when it ends: the server's own graceful stop waits for it.
        if (Interlocked.Decrement(ref _inFlight) == 0 && IsDraining)
            _idle.TrySetResult();
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (InFlight == 0)
            return;
        try
        {
            await _idle.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out; the server stops what is left.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
