namespace DiagBot.Sandbox;

public sealed record SandboxFault
{
    public SandboxFaultKind Kind { get; init; } = SandboxFaultKind.None;

    /// <summary>Added before the answer (or before the fault), to model a slow API.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>How many requests the fault applies to before it clears itself; null means until cleared.</summary>
    public int? Times { get; init; }

    /// <summary>A hang lasts until the client gives up or this much time has passed.</summary>
    public TimeSpan HangFor { get; init; } = TimeSpan.FromMinutes(10);
}
