using Microsoft.Extensions.Diagnostics.HealthChecks;
using LmcBot.Core.Answering;

namespace LmcBot.Hosting;

/// <summary>Readiness: the knowledge database opens and answers a read. Opening it lazily here keeps the host up (and not ready) when the path is unusable.</summary>
internal sealed class KnowledgeDatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var store = services.GetRequiredService<KnowledgeBase>().Store;
            return Task.FromResult(store.CanRead()
                ? HealthCheckResult.Healthy("The knowledge database is open and readable.")
                : HealthCheckResult.Unhealthy($"The knowledge database {store.Path} cannot be read."));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The knowledge database cannot be opened: {ex.Message}"));
        }
    }
}
