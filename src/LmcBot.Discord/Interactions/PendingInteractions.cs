using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// Discord work that outlives the request or event that started it (a deferred answer and its webhook edit, a
/// gateway event): tracked so that shutdown waits for it within the host's shutdown timeout, and run on
/// <see cref="Abandoned"/>, which is cancelled only when that timeout runs out, never merely because the host
/// is stopping.
/// </summary>
/// <remarks>
/// Registered as a hosted service before the gateway's, so it stops after the gateway (no new events) and after
/// the web server (no new requests): by then everything that can still add work has stopped.
/// </remarks>
internal sealed partial class PendingInteractions(ILogger<PendingInteractions> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abandon = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Cancelled when the shutdown timeout runs out with work still pending.</summary>
    public CancellationToken Abandoned => _abandon.Token;

    /// <summary>How many pieces of work are still running.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _running.Count;
        }
    }

    /// <summary>Starts <paramref name="work"/> off the caller's thread, tracked until it ends; it must not throw.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => work(_abandon.Token), CancellationToken.None);
        lock (_gate)
            _running.Add(task);
        _ = task.ContinueWith(Forget, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Forget(Task task)
    {
        lock (_gate)
            _running.Remove(task);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
            running = [.. _running];
        if (running.Length == 0)
            return;
        LogWaiting(running.Length);
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(Count);
            await _abandon.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each piece of work logs its own failure; a failed one must not stop the host's shutdown.
        }
    }

    public void Dispose() => _abandon.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: waiting for {Count} pending Discord answers to be delivered")]
    private partial void LogWaiting(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: the shutdown timeout ran out with {Count} Discord answers still pending; they are cancelled")]
    private partial void LogAbandoned(int count);
}
