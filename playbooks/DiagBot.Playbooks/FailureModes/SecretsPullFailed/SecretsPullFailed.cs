namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 3, its identity: the number, kebab name and title every other file uses.</summary>
internal static class SecretsPullFailed
{
    public const int Number = 3;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "secrets-pull-failed";

    public const string Title = "Task cannot pull its secrets";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
