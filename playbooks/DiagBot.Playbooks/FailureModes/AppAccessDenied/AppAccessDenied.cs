namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 4, its identity: the number, kebab name and title every other file uses.</summary>
internal static class AppAccessDenied
{
    public const int Number = 4;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "app-access-denied";

    public const string Title = "Application calls denied (AccessDenied)";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
