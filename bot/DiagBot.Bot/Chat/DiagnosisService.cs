using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Bot.Chat;

/// <summary>The one entry every channel uses: subject text in, a report or a clear problem out.</summary>
public sealed class DiagnosisService(Diagnoser diagnoser)
{
    public Task<DiagnosisOutcome> DiagnoseAsync(string subjectText, CancellationToken cancellationToken) =>
        DiagnoseAsync(subjectText, null, cancellationToken);

    public async Task<DiagnosisOutcome> DiagnoseAsync(string subjectText, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var parsed = SubjectParser.Parse(subjectText);
        if (parsed.Subject is null)
        {
            return DiagnosisOutcome.BadInput(parsed.Error!);
        }

        var report = await diagnoser.DiagnoseAsync(parsed.Subject, progress, cancellationToken).ConfigureAwait(false);
        return report.SubjectProblem is null ? DiagnosisOutcome.Diagnosed(report) : DiagnosisOutcome.BadInput(report.SubjectProblem);
    }
}
