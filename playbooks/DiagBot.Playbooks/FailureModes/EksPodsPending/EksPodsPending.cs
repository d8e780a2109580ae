namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 9, its identity: the number, kebab name and title every other file uses.</summary>
internal static class EksPodsPending
{
    public const int Number = 9;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "eks-pods-pending";

    public const string Title = "Pod Pending: no node fits it";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
