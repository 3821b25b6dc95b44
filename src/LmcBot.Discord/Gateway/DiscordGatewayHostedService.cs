using Microsoft.Extensions.Hosting;

namespace LmcBot.Discord.Gateway;

/// <summary>Runs the gateway client for the life of the host; registered only for Discord:Mode Gateway or Both.</summary>
internal sealed class DiscordGatewayHostedService(DiscordGatewayClient client) : IHostedService, IDisposable
{
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _running = Task.Run(() => client.RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not { } stopping || _running is null)
            return;
        _stopping = null;
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first.
        }
        stopping.Dispose();
    }

    /// <summary>Releases the stop signal when the host is disposed without having been stopped.</summary>
    public void Dispose() => _stopping?.Dispose();
}
