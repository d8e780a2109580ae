using System.Diagnostics;
using System.Diagnostics.Metrics;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// One span per diagnosis (the evidence calls become its children) and the count of verdicts by playbook and
/// status. Tags name the subject's kind, the playbooks run and their verdicts, never the subject text, which is
/// whatever a user typed.
/// </summary>
public static class DiagnosisTelemetry
{
    public const string SourceName = "DiagBot.Diagnosis";
    public const string VerdictsName = "diagbot.diagnoses";
    public const string DurationName = "diagbot.diagnosis.duration";
    public const string SubjectKindTag = "diagbot.subject.kind";
    public const string PlaybookTag = "diagbot.playbook";
    public const string StatusTag = "diagbot.verdict.status";
    public const string PlaybooksRunTag = "diagbot.playbooks";
    public const string StatusesTag = "diagbot.verdict.statuses";
    public const string GapsTag = "diagbot.evidence.gaps";

    /// <summary>The "playbook" of a diagnosis that ran none: the subject was wrong, or nothing matched.</summary>
    public const string NoPlaybook = "none";

    internal static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    internal static readonly Counter<long> VerdictCounter = Meter.CreateCounter<long>(VerdictsName, "{verdict}", "Diagnoses by playbook and verdict status (one per verdict)");
    internal static readonly Histogram<double> DurationHistogram = Meter.CreateHistogram<double>(DurationName, "s", "Duration of one whole diagnosis");

    internal static DiagnosisSpan Start(DiagnosisSubject subject, TimeProvider clock)
    {
        var activity = Source.StartActivity("diagnose " + subject.Kind, ActivityKind.Internal);
        activity?.SetTag(SubjectKindTag, subject.Kind);
        return new DiagnosisSpan(activity, clock, clock.GetTimestamp(), subject.Kind);
    }
}
