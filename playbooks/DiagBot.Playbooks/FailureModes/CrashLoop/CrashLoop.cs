namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 8, its identity: the number, kebab name and title every other file uses.</summary>
internal static class CrashLoop
{
    public const int Number = 8;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "crash-loop";

    public const string Title = "Crash loop: tasks keep exiting non-zero";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
