using System.Diagnostics;
using DiagBot.Playbooks.Verdicts;
using static DiagBot.Playbooks.Diagnosis.DiagnosisTelemetry;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>The span of one diagnosis in flight; Finish tags it with the verdicts and counts them.</summary>
internal sealed class DiagnosisSpan(Activity? activity, TimeProvider clock, long started, string subjectKind) : IDisposable
{
    public DiagnosisReport Finish(DiagnosisReport report)
    {
        var status = report.SubjectProblem is not null ? "bad_input" : report.Verdicts.Count == 0 ? "no_match" : null;
        foreach (var verdict in report.Verdicts)
        {
            VerdictCounter.Add(1, new TagList { { PlaybookTag, verdict.Name }, { StatusTag, verdict.Status.ToWire() }, { SubjectKindTag, subjectKind } });
        }

        if (status is not null)
        {
            VerdictCounter.Add(1, new TagList { { PlaybookTag, NoPlaybook }, { StatusTag, status }, { SubjectKindTag, subjectKind } });
        }

        DurationHistogram.Record(clock.GetElapsedTime(started).TotalSeconds, new TagList { { SubjectKindTag, subjectKind } });
        activity?.SetTag(PlaybooksRunTag, report.Verdicts.Select(v => v.Name).ToArray());
        activity?.SetTag(StatusesTag, report.Verdicts.Select(v => $"{v.Name}={v.Status.ToWire()}").ToArray());
        activity?.SetTag(GapsTag, report.TriageGaps.Count + report.Verdicts.Sum(v => v.Missing.Count));
        if (status is not null)
        {
            activity?.SetTag(StatusTag, status);
        }

        return report;
    }

    public void Dispose() => activity?.Dispose();
}
