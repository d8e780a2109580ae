using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Outside;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>The path of one request: read the first facts, rank the playbooks, run the best ones, order the verdicts.</summary>
public sealed partial class Diagnoser(IEvidenceSessionFactory sessions, PlaybookRanker ranker, TimeProvider clock, ITaskArchive? archive = null)
{
    public Task<DiagnosisReport> DiagnoseAsync(DiagnosisSubject subject, CancellationToken cancellationToken) =>
        DiagnoseAsync(subject, null, cancellationToken);

    /// <param name="progress">Told, in words, what is being checked; channels that can show progress pass one.</param>
    public async Task<DiagnosisReport> DiagnoseAsync(DiagnosisSubject subject, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var span = DiagnosisTelemetry.Start(subject, clock);
        return span.Finish(await InvestigateAsync(subject, progress, cancellationToken).ConfigureAwait(false));
    }

    private async Task<DiagnosisReport> InvestigateAsync(DiagnosisSubject subject, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"Reading the first facts of {subject.Kind} {subject.Text}");
        var evidence = sessions.StartSession();
        var context = new DiagnosisContext(subject, evidence, clock);
        switch (subject)
        {
            case TaskSubject task:
                return await DiagnoseTaskAsync(task, context, progress, cancellationToken).ConfigureAwait(false);

            case ServiceSubject service:
                return await DiagnoseServiceAsync(service, context, progress, cancellationToken).ConfigureAwait(false);

            case PodSubject pod:
                return await DiagnosePodAsync(pod, context, progress, cancellationToken).ConfigureAwait(false);

            case TargetGroupSubject targetGroup:
                return await DiagnoseTargetGroupAsync(targetGroup, context, progress, cancellationToken).ConfigureAwait(false);

            case DeploymentSubject deployment:
                return await DiagnoseDeploymentAsync(deployment, context, progress, cancellationToken).ConfigureAwait(false);

            case EcsDeploymentSubject ecsDeployment:
                return await DiagnoseEcsDeploymentAsync(ecsDeployment, context, progress, cancellationToken).ConfigureAwait(false);

            case SymptomSubject symptom:
                // Free text alone proves nothing: rank the likely failure modes (unsure, where only the learned
                // fallback read the words) and ask for the identifier.
                return WordsAlone(subject, symptom.Text, context);

            default:
                return new DiagnosisReport
                {
                    Subject = subject,
                    SubjectProblem = $"Diagnosing a {subject.Kind} is not supported yet. Give the ARN of one of its stopped tasks instead: `aws ecs list-tasks --cluster <cluster> --desired-status STOPPED`.",
                };
        }
    }

    private DiagnosisReport WordsAlone(DiagnosisSubject subject, string text, DiagnosisContext context)
    {
        TriageFact[] words = [SymptomFacts.From(text)];
        return new DiagnosisReport { Subject = subject, Ranking = ranker.RankWords(words[0]), Outside = OutsideFor(words, context) };
    }

    private IReadOnlyList<RankedPlaybook> WithSymptom(DiagnosisSubject subject, IReadOnlyList<TriageFact> facts) =>
        ranker.Rank(subject.Symptom is { } words ? [.. facts, SymptomFacts.From(words)] : facts);

    private async Task<DiagnosisReport> RunAsync(DiagnosisContext context, IReadOnlyList<RankedPlaybook> ranking, IReadOnlyList<EvidenceGap> triageGaps, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var chosen = PlaybookRanker.ToRun(ranking).ToList();
        progress?.Report(chosen.Count == 0 ? "No playbook matches the first facts" : $"Checking: {string.Join("; ", chosen.Select(r => r.Playbook.Title))}");
        var verdicts = await Task.WhenAll(chosen.Select(ranked => InvestigateSafelyAsync(ranked.Playbook, context, cancellationToken))).ConfigureAwait(false);
        return new DiagnosisReport
        {
            Subject = context.Subject,
            Ranking = ranking,
            Outside = OutsideFor(context.Subject.Symptom is { } symptom ? [.. context.Facts, SymptomFacts.From(symptom)] : context.Facts, context),
            TriageGaps = triageGaps,
            Verdicts = verdicts
                .Select((verdict, index) => (verdict, index))
                .OrderBy(pair => StatusOrder(pair.verdict.Status))
                .ThenBy(pair => pair.index)
                .Select(pair => pair.verdict)
                .ToList(),
        };
    }

    // Failures outside the failure modes are answered from the first facts alone: no playbook investigates them.
    private IReadOnlyList<OutsideFailure> OutsideFor(IReadOnlyList<TriageFact> facts, DiagnosisContext context)
    {
        var identifiers = OutsideContext.From(context);
        return [.. ranker.Outside(facts).Select(OutsideCatalog.Find).OfType<OutsideCause>().Select(cause => cause.Describe(identifiers))];
    }

    private static async Task<Verdict> InvestigateSafelyAsync(IPlaybook playbook, DiagnosisContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await playbook.InvestigateAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One playbook's bug must not take the others' answers down with it.
            return Verdict.For(playbook, VerdictStatus.Inconclusive, $"Playbook {playbook.Name} failed before reaching a verdict ({exception.GetType().Name}).");
        }
    }

    private static int StatusOrder(VerdictStatus status) => status switch
    {
        VerdictStatus.Confirmed => 0,
        VerdictStatus.Likely => 1,
        VerdictStatus.Inconclusive => 2,
        _ => 3,
    };
}
