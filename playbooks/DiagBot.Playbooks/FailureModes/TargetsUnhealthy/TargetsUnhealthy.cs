namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 6, its identity: the number, kebab name and title every other file uses.</summary>
internal static class TargetsUnhealthy
{
    public const int Number = 6;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "targets-unhealthy";

    public const string Title = "Targets unhealthy while the app runs";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
