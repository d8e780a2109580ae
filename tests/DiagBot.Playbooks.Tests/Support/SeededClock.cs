namespace DiagBot.Playbooks.Tests.Support;

/// <summary>
/// The clock a test judges the sandbox's world by: always the moment the sandbox seeded it. Every seeded time is relative
/// to that moment, and a collection shares one sandbox for minutes on a loaded machine; read on the wall clock, a
/// look-alike seeded seconds or a minute ago (a task entering PROVISIONING, a deployment that just started tasks) would
/// age into the failure it only looks like.
/// </summary>
public sealed class SeededClock(DateTimeOffset seededAt) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => seededAt;
}
