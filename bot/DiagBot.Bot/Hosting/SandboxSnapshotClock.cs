namespace DiagBot.Bot.Hosting;

/// <summary>
/// The "now" diagnoses judge the embedded sandbox by: the moment it was seeded, however long the bot has run. The
/// sandbox is a snapshot; judged by the wall clock it would age, and a pod Pending "for seconds" would be Pending for
/// minutes, a denial in CloudTrail "a minute ago" would leave the 15-minute window, and a look-alike would turn into a
/// false alarm a few minutes after start-up. Durations (timestamps, timers) still come from the bot's own clock.
/// </summary>
internal sealed class SandboxSnapshotClock(DateTimeOffset seededAt, TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => seededAt;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
