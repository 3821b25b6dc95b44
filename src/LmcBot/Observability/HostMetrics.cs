using System.Diagnostics.Metrics;

namespace LmcBot.Observability;

/// <summary>The host's own counters, on the Meter <c>LmcBot.Host</c>.</summary>
public sealed class HostMetrics
{
    public const string MeterName = "LmcBot.Host";

    private readonly Counter<long> _rejected;

    public HostMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        // Exported as lmcbot_rejected_requests_total{reason}.
        _rejected = meter.CreateCounter<long>("lmcbot_rejected_requests",
            description: "Requests refused before any work: draining (503), body_too_large (413), body_too_slow (408), bad_request (400).");
    }

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
