namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 13, its identity: the number, kebab name and title every other file uses.</summary>
internal static class Alb504Timeout
{
    public const int Number = 13;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "alb-504-timeout";

    public const string Title = "ALB 504: requests outlive the idle timeout";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
