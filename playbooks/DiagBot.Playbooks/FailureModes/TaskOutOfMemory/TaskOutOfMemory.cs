namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 7, its identity: the number, kebab name and title every other file uses.</summary>
internal static class TaskOutOfMemory
{
    public const int Number = 7;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "task-out-of-memory";

    public const string Title = "Container killed: exit code 137";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
