using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;

namespace LmcBot.Hosting;

/// <summary>
/// Opens (and syncs) the knowledge base before the server accepts requests. If it cannot be opened the host
/// still starts, answers /health/live and reports /health/ready 503 with the reason, so the orchestrator sees why.
/// Another process holding the database (<see cref="DatabaseLockedException"/>) is different: the host refuses to
/// start, naming that process, rather than run beside another writer.
/// </summary>
internal sealed class KnowledgeBaseWarmup(IServiceProvider services, ILogger<KnowledgeBaseWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = services.GetRequiredService<KnowledgeBase>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            logger.LogError("The knowledge database cannot be opened; /health/ready reports not ready: {Reason}", ex.Message);
        }
        return Task.CompletedTask;
    }

    // The container disposes the knowledge base after the server has drained, which checkpoints LiteDB.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
