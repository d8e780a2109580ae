using DiagBot.Bot.Charts;
using DiagBot.Bot.Chat;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Bot.Incidents;

/// <summary>The diagnosis every channel uses, run once per incident.</summary>
internal sealed class ServiceIncidentDiagnoser(DiagnosisService diagnosis) : IIncidentDiagnoser
{
    public async Task<IncidentDiagnosis> DiagnoseAsync(IncidentSubject subject, CancellationToken cancellationToken)
    {
        var text = subject switch
        {
            { TaskArn: { } task } => task,
            { Pod: { } pod } => $"pod {pod} in {subject.Cluster}",
            { Service: { } service } => $"service {service} in {subject.Cluster}",
            _ => subject.Symptom ?? $"failing workloads in {subject.Cluster}",
        };
        var outcome = await diagnosis.DiagnoseAsync(text, new Requester(DiagnosisService.AutoPostChannel, "DiagBot", $"{subject.Cluster}/{subject.Service}"), cancellationToken).ConfigureAwait(false);
        if (outcome.Report?.Verdicts.FirstOrDefault() is { } verdict)
        {
            return new IncidentDiagnosis(verdict.Title, verdict.RootCause) { Charts = [.. verdict.Charts.Where(ChartPainter.HasData)] };
        }

        return new IncidentDiagnosis("Failing tasks", outcome.Problem ?? "No playbook matched the first facts.");
    }
}

/// <summary>Triage's own ranking of the event's words (stop code, reasons, exit codes): no AWS call.</summary>
internal sealed class RankerPlaybookHint(PlaybookRanker ranker) : IPlaybookHint
{
    public const string Unclassified = "unclassified";

    public string PlaybookFor(string evidence) =>
        ranker.Rank([SymptomFacts.From(evidence)]).FirstOrDefault()?.Playbook.Name ?? Unclassified;
}
