namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 11, its identity: the number, kebab name and title every other file uses.</summary>
internal static class SpotInterruption
{
    public const int Number = 11;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "spot-interruption";

    public const string Title = "Spot capacity reclaimed";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
