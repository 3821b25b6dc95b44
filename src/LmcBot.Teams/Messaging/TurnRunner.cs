using LmcBot.Teams.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams.Messaging;

/// <summary>
/// Runs turns so that Teams' POST is answered once the reply is delivered, or after
/// <see cref="TeamsOptions.AcknowledgeTimeout"/> at the latest, whichever comes first (Teams
/// gives up after about 15 s). A turn still running then finishes in the background; shutdown
/// waits for such turns within the host's shutdown timeout.
/// </summary>
internal sealed class TurnRunner(IOptions<TeamsOptions> options, TimeProvider time, ILogger<TurnRunner> logger)
    : IHostedService, IDisposable
{
    private readonly TimeSpan _acknowledgeTimeout = options.Value.AcknowledgeTimeout;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly HashSet<Task> _running = [];

    public async Task RunAsync(Func<CancellationToken, Task> turn)
    {
        var task = TrackAsync(turn);
        if (task.IsCompleted)
            return;
        lock (_gate)
            _running.Add(task);
        _ = task.ContinueWith(Forget, TaskScheduler.Default);
        try
        {
            await task.WaitAsync(_acknowledgeTimeout, time);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("Teams: acknowledged a turn still running after {Timeout}; it finishes in the background.", _acknowledgeTimeout);
        }
    }

    private async Task TrackAsync(Func<CancellationToken, Task> turn)
    {
        try
        {
            await turn(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            logger.LogWarning("Teams: a turn was cancelled by shutdown before its reply was sent.");
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Teams: a turn failed.");
        }
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
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();
}
