namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 10, its identity: the number, kebab name and title every other file uses.</summary>
internal static class EksPodsContainerCreating
{
    public const int Number = 10;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "eks-pods-container-creating";

    public const string Title = "Pod stuck in ContainerCreating: no IP address";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
