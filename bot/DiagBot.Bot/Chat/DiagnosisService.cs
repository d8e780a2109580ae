using DiagBot.Bot.Hosting;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Chat;

/// <summary>
/// The one entry every channel uses: subject text in, a report or a clear problem out. Every request leaves
/// one audit line (who, where, subject, verdicts, duration), structured so a JSON log formatter keeps the fields.
/// Every request passes the one admission limit (when the host registers one), and the asker is always answered:
/// a diagnosis that throws becomes a problem line naming what failed, never a silence.
/// </summary>
public sealed class DiagnosisService(
    Diagnoser diagnoser, TimeProvider clock, ILoggerFactory loggers, ConfiguredScopes? scopes = null, DiagnosisAdmission? admission = null)
{
    public const string AuditCategory = "DiagBot.Audit";

    /// <summary>The incident pipeline's channel name: its diagnoses wait for admission instead of being refused.</summary>
    public const string AutoPostChannel = "auto-post";

    private readonly ILogger _audit = loggers.CreateLogger(AuditCategory);

    public Task<DiagnosisOutcome> DiagnoseAsync(string subjectText, CancellationToken cancellationToken) =>
        DiagnoseAsync(subjectText, Requester.Unknown, null, cancellationToken);

    public Task<DiagnosisOutcome> DiagnoseAsync(string subjectText, Requester requester, CancellationToken cancellationToken) =>
        DiagnoseAsync(subjectText, requester, null, cancellationToken);

    public async Task<DiagnosisOutcome> DiagnoseAsync(string subjectText, Requester requester, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var outcome = await AdmittedAsync(subjectText, requester, progress, cancellationToken).ConfigureAwait(false);
        var verdicts = outcome.Report is { } report
            ? string.Join(", ", report.Verdicts.Select(v => $"{v.Playbook}:{v.Status.ToWire()}"))
            : $"bad input: {outcome.Problem}";
        _audit.LogInformation(
            "diagnosis requested by {Who} via {Channel} in {Where}: {Subject} -> {Verdicts} in {DurationMs} ms",
            requester.Who ?? "unknown",
            requester.Channel,
            requester.Where ?? "unknown",
            subjectText,
            verdicts,
            (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return outcome;
    }

    private async Task<DiagnosisOutcome> AdmittedAsync(string subjectText, Requester requester, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var lease = admission is null ? null : await admission.EnterAsync(requester.Channel != AutoPostChannel, cancellationToken).ConfigureAwait(false);
        if (admission is not null && lease is null)
        {
            return DiagnosisOutcome.Failed(DiagnosisAdmission.Busy);
        }

        try
        {
            return await RunAsync(subjectText, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _audit.LogError(exception, "diagnosis of {Subject} failed", subjectText);
            return DiagnosisOutcome.Failed($"DiagBot could not finish that diagnosis ({exception.GetType().Name}: {exception.Message}). Try again in a minute; the error is in its log.");
        }
    }

    private async Task<DiagnosisOutcome> RunAsync(string subjectText, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // An ARN of another partition, account or region is refused before any signed request is made for it.
        if (scopes is not null && SubjectScope.RefusalOf(subjectText, scopes) is { } foreign)
        {
            return DiagnosisOutcome.BadInput(foreign);
        }

        var parsed = SubjectParser.Parse(subjectText);
        if (parsed.Subject is null)
        {
            return DiagnosisOutcome.BadInput(parsed.Error!);
        }

        var report = await diagnoser.DiagnoseAsync(parsed.Subject, progress, cancellationToken).ConfigureAwait(false);
        return report.SubjectProblem is null ? DiagnosisOutcome.Diagnosed(report) : DiagnosisOutcome.BadInput(report.SubjectProblem);
    }
}
