namespace DiagBot.Playbooks.Verdicts;

public enum VerdictStatus
{
    Confirmed,
    Likely,
    RuledOut,
    Inconclusive,
}

public static class VerdictStatusExtensions
{
    public static string ToWire(this VerdictStatus status) => status switch
    {
        VerdictStatus.Confirmed => "confirmed",
        VerdictStatus.Likely => "likely",
        VerdictStatus.RuledOut => "ruled_out",
        VerdictStatus.Inconclusive => "inconclusive",
        _ => status.ToString(),
    };

    /// <summary>A verdict that names a failure: the engineer has something to fix.</summary>
    public static bool IsFailureFound(this VerdictStatus status) =>
        status is VerdictStatus.Confirmed or VerdictStatus.Likely;
}
