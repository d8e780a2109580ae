namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 1, its identity: the number, kebab name and title every other file uses.</summary>
internal static class TaskStuckProvisioning
{
    public const int Number = 1;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "task-stuck-provisioning";

    public const string Title = "Task stuck in PROVISIONING";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
