namespace DiagBot.Sandbox.Aws.CloudWatch;

/// <summary>
/// One CloudWatch metric (namespace, name and its full set of dimensions: CloudWatch matches a metric only by all of
/// them) and the raw values it received each minute. Values come from a function of the minute, so a seeded metric that
/// is still being published (Until null) goes on as the sandbox's clock moves, the same on every run.
/// </summary>
internal sealed record MetricSeries(
    string Namespace,
    string MetricName,
    IReadOnlyList<MetricDimension> Dimensions,
    string Unit,
    DateTimeOffset From,
    DateTimeOffset? Until,
    Func<DateTimeOffset, IReadOnlyList<double>> ValuesAt)
{
    public bool Matches(string? ns, string? name, IReadOnlyList<MetricDimension> dimensions) =>
        Namespace == ns && MetricName == name && Dimensions.Count == dimensions.Count
        && Dimensions.All(d => dimensions.Any(asked => asked.Name == d.Name && asked.Value == d.Value));

    /// <summary>The minutes in [start, end) this metric received data in, and the values of each.</summary>
    public IEnumerable<(DateTimeOffset Minute, IReadOnlyList<double> Values)> Samples(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var last = Until is { } until && until < now ? until : now;
        for (var minute = Max(MetricTime.FloorToMinute(start), MetricTime.FloorToMinute(From)); minute < end && minute <= last; minute = minute.AddMinutes(1))
        {
            var values = ValuesAt(minute);
            if (values.Count > 0)
            {
                yield return (minute, values);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

internal sealed record MetricDimension(string Name, string Value);
