using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Chat;

/// <summary>A diagnosis, or the one-line reason there is none (bad reference, unknown task).</summary>
public sealed record DiagnosisOutcome(DiagnosisReport? Report, string? Problem)
{
    public static DiagnosisOutcome Diagnosed(DiagnosisReport report) => new(report, null);

    public static DiagnosisOutcome BadInput(string problem) => new(null, problem);

    /// <summary>No diagnosis could run (busy, or it failed): the problem says what and what to do.</summary>
    public static DiagnosisOutcome Failed(string problem) => new(null, problem);
}
