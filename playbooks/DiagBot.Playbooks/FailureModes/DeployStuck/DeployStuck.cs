namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 12, its identity: the number, kebab name and title every other file uses.</summary>
internal static class DeployStuck
{
    public const int Number = 12;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "deploy-stuck";

    public const string Title = "Deployment stuck: new tasks cannot be placed";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
