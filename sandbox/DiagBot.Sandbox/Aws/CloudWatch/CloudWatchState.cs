namespace DiagBot.Sandbox.Aws.CloudWatch;

/// <summary>The metrics the simulated account holds; seeded by the catalogue from each incident's own timeline, then read.</summary>
internal sealed class CloudWatchState
{
    private readonly Lock _gate = new();
    private IReadOnlyList<MetricSeries> _metrics = [];

    public IReadOnlyList<MetricSeries> Metrics => _metrics;

    public void Add(MetricSeries series)
    {
        lock (_gate)
        {
            _metrics = [.. _metrics.Where(m => !m.Matches(series.Namespace, series.MetricName, series.Dimensions)), series];
        }
    }
}
