using System.Globalization;
using System.Diagnostics.Metrics;

namespace LmcBot.Teams.Diagnostics;

/// <summary>
/// The adapter's instruments on the meter <c>LmcBot.Teams</c>, for the host to export
/// (OpenTelemetry <c>AddMeter("LmcBot.Teams")</c>).
/// </summary>
public sealed class TeamsMetrics
{
    public const string MeterName = "LmcBot.Teams";

    private readonly Counter<long> _connectorRetries;
    private readonly Counter<long> _connectorFailures;
    private readonly Counter<long> _rejectedRequests;

    public TeamsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _connectorRetries = meter.CreateCounter<long>(
            "lmcbot_teams_connector_retries", "{retry}", "Connector calls retried after 429, 412, 502, 503, 504 or a network error.");
        _connectorFailures = meter.CreateCounter<long>(
            "lmcbot_teams_connector_failures", "{call}", "Connector calls that failed for good (after retries, or not retriable).");
        _rejectedRequests = meter.CreateCounter<long>(
            "lmcbot_teams_rejected_requests", "{request}", "Inbound requests refused with 401.");
    }

    internal void ConnectorRetried(int? status) =>
        _connectorRetries.Add(1, new KeyValuePair<string, object?>("status", status?.ToString(CultureInfo.InvariantCulture) ?? "network"));

    internal void ConnectorFailed(int? status) =>
        _connectorFailures.Add(1, new KeyValuePair<string, object?>("status", status?.ToString(CultureInfo.InvariantCulture) ?? "network"));

    internal void RequestRejected(string reason) =>
        _rejectedRequests.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
