namespace DiagBot.Playbooks.FailureModes;

/// <summary>Failure mode 14, its identity: the number, kebab name and title every other file uses.</summary>
internal static class ExecFormatError
{
    public const int Number = 14;

    /// <summary>A contract: verdicts, JSON and the corpus name the mode by it.</summary>
    public const string Name = "exec-format-error";

    public const string Title = "exec format error: image built for another CPU architecture";

    public static FailureMode Mode { get; } = new(Number, Name, Title);
}
