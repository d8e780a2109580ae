namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 2, its identity: the number, kebab name and title every other file uses.</summary>
internal static class CannotPullContainer
{
    public const int Number = 2;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "cannot-pull-container";

    public const string Title = "Cannot pull the container image";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
