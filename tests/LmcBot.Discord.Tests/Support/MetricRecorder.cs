using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Discord.Tests.Support;

/// <summary>Sums a counter of the <c>LmcBot.Discord</c> meter created by one service provider's meter factory.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DiscordMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var reason = tags.ToArray().Select(t => t.Value?.ToString()).FirstOrDefault() ?? "";
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            _totals.AddOrUpdate(instrument.Name + ":" + reason, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long Total(string name) => _totals.GetValueOrDefault(name);

    public void Dispose() => _listener.Dispose();
}
