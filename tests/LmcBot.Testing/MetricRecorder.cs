using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Testing;

/// <summary>
/// Records the counters of one meter created by one service provider's meter factory (other hosts' meters share
/// the name, so the factory tells them apart); optionally only one instrument.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MetricRecorder(IServiceProvider services, string meterName, string? instrumentName = null)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory)
                && (instrumentName is null || instrument.Name == instrumentName))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    /// <summary>Every measurement so far, in order.</summary>
    public IReadOnlyList<(string Instrument, long Value, Dictionary<string, object?> Tags)> Measurements => [.. _measurements];

    /// <summary>
    /// The sum of an instrument's measurements; <c>name:value</c> sums only those whose first tag has that value
    /// (<c>lmcbot_discord_rate_limit_waits:429</c>).
    /// </summary>
    public long Total(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var instrument = colon < 0 ? name : name[..colon];
        return Measurements
            .Where(m => m.Instrument == instrument
                && (colon < 0 || (m.Tags.Values.FirstOrDefault()?.ToString() ?? "") == name[(colon + 1)..]))
            .Sum(m => m.Value);
    }

    public void Dispose() => _listener.Dispose();
}
