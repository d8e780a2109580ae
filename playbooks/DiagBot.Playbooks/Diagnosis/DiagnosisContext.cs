using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>What a playbook starts from: the subject, the first facts triage read, and the evidence session.</summary>
public sealed record DiagnosisContext(DiagnosisSubject Subject, IEvidenceSource Evidence, TimeProvider Clock)
{
    /// <summary>The task the subject names, as DescribeTasks returned it during triage.</summary>
    public EcsTask? Task { get; init; }
}
