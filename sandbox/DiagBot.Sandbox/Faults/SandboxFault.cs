namespace DiagBot.Sandbox;

public sealed record SandboxFault
{
    public SandboxFaultKind Kind { get; init; } = SandboxFaultKind.None;

    // Added before the answer (or before the fault), to model a slow API.
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    // How many requests the fault applies to before it clears itself; null means until cleared.
    public int? Times { get; init; }

    // A hang lasts until the client gives up or this much time has passed.
    public TimeSpan HangFor { get; init; } = TimeSpan.FromMinutes(10);
}
