using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LmcBot.Hosting;

/// <summary>Readiness: the sentence model is loaded (<see cref="SentenceModelWarmup"/>).</summary>
internal sealed class SentenceModelHealthCheck(SentenceModelWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmup.IsReady ? HealthCheckResult.Healthy($"The sentence model {warmup.ModelId} is loaded.")
            : warmup.Failure is { } failure ? HealthCheckResult.Unhealthy($"The sentence model {warmup.ModelId} could not be loaded: {failure}")
            : HealthCheckResult.Unhealthy($"The sentence model {warmup.ModelId} is still loading."));
}
