using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LmcBot.Teams.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Teams.Tests.Support;

/// <summary>Collects one host's measurements of an <c>LmcBot.Teams</c> counter (other hosts' meters share the name).</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MetricRecorder(IServiceProvider services, string instrumentName)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TeamsMetrics.MeterName && instrument.Meter.Scope == factory && instrument.Name == instrumentName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            _measurements.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    public IReadOnlyList<(long Value, Dictionary<string, object?> Tags)> Measurements => [.. _measurements];

    public long Total => Measurements.Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
