namespace DiagBot.Sandbox.Aws.CloudWatch;

/// <summary>
/// GetMetricData rounds StartTime down by its age: to the minute under 15 days, to 5 minutes up to 63 days, to the hour
/// beyond (API reference, GetMetricData, StartTime), and periods of data points begin there.
/// </summary>
internal static class MetricTime
{
    public static DateTimeOffset FloorToMinute(DateTimeOffset at) => Floor(at, TimeSpan.FromMinutes(1));

    public static DateTimeOffset RoundStart(DateTimeOffset start, DateTimeOffset now)
    {
        var age = now - start;
        var unit = age < TimeSpan.FromDays(15) ? TimeSpan.FromMinutes(1)
            : age < TimeSpan.FromDays(63) ? TimeSpan.FromMinutes(5)
            : TimeSpan.FromHours(1);
        return Floor(start, unit);
    }

    private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan unit)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % unit.Ticks), TimeSpan.Zero);
    }
}
