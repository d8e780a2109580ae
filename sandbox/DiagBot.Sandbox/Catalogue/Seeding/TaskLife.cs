namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>Where a seeded task is in its life cycle and why it stopped, if it did.</summary>
internal sealed record TaskLife
{
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public string LastStatus { get; init; } = "RUNNING";
    public string DesiredStatus { get; init; } = "RUNNING";
    public string? StopCode { get; init; }
    public string? StoppedReason { get; init; }
    public string? Group { get; init; }
    public string? StartedBy { get; init; }
    public string? CapacityProvider { get; init; }
    public bool EnableExecuteCommand { get; init; }

    public static TaskLife Running(SeedContext context, string service, int minutesAgo = 180) => new()
    {
        CreatedAt = context.Ago(minutesAgo),
        StartedAt = context.Ago(minutesAgo - 1),
        Group = "service:" + service,
        StartedBy = "ecs-svc/" + Convert.ToInt64(SeedContext.Hex("svc/" + service, 15), 16) % 9_000_000_000_000_000_000L,
    };

    public static TaskLife Stopped(SeedContext context, string service, string stopCode, string stoppedReason, int stoppedMinutesAgo = 12) => new()
    {
        CreatedAt = context.Ago(stoppedMinutesAgo + 45),
        StartedAt = context.Ago(stoppedMinutesAgo + 44),
        StoppedAt = context.Ago(stoppedMinutesAgo),
        LastStatus = "STOPPED",
        DesiredStatus = "STOPPED",
        StopCode = stopCode,
        StoppedReason = stoppedReason,
        Group = "service:" + service,
        StartedBy = "ecs-svc/" + Convert.ToInt64(SeedContext.Hex("svc/" + service, 15), 16) % 9_000_000_000_000_000_000L,
    };
}
