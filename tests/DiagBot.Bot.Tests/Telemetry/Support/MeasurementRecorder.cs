using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace DiagBot.Bot.Tests.Telemetry.Support;

/// <summary>Every measurement of DiagBot's instruments while it lives, with its tags as strings.</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, IReadOnlyDictionary<string, string?> Tags)> _measurements = new();

    public MeasurementRecorder(params string[] meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meters.Contains(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.Start();
    }

    public bool Has(string instrument, params (string Key, string Value)[] tags) =>
        _measurements.Any(m => m.Instrument == instrument && tags.All(tag => m.Tags.TryGetValue(tag.Key, out var value) && value == tag.Value));

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue((instrument.Name, copied));
    }
}
