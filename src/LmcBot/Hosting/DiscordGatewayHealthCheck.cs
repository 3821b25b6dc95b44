using LmcBot.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LmcBot.Hosting;

/// <summary>Readiness: the Discord gateway is connected when Discord:Mode uses it (always healthy otherwise).</summary>
internal sealed class DiscordGatewayHealthCheck(DiscordGatewayStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy(status.IsConnected ? "Connected to the Discord gateway." : "The Discord gateway is not used.")
            : HealthCheckResult.Unhealthy(status.StoppedReason is { } reason ? $"The Discord gateway stopped: {reason}" : "Not connected to the Discord gateway."));
}
