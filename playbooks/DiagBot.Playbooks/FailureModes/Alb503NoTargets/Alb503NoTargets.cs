namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 5, its identity: the number, kebab name and title every other file uses.</summary>
internal static class Alb503NoTargets
{
    public const int Number = 5;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "alb-503-no-targets";

    public const string Title = "ALB 503: no registered targets";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
