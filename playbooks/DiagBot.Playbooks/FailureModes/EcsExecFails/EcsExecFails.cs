namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 15, its identity: the number, kebab name and title every other file uses.</summary>
internal static class EcsExecFails
{
    public const int Number = 15;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "ecs-exec-fails";

    public const string Title = "ECS Exec cannot open a session";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
