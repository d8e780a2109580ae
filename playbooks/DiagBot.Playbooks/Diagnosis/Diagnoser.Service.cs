using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>The path of an ECS service: describe it, read its first facts (its stopped tasks among them), rank, run.</summary>
public sealed partial class Diagnoser
{
    private async Task<DiagnosisReport> DiagnoseServiceAsync(
        ServiceSubject service, DiagnosisContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (service.Cluster is null)
        {
            return new DiagnosisReport
            {
                Subject = service,
                SubjectProblem = $"Say which cluster service {service.Service} runs in: `service {service.Service} in <cluster>`. "
                    + "List clusters with `aws ecs list-clusters`.",
            };
        }

        // Not awaited here: triage and the playbooks ask for the same tasks and find them in the session cache.
        var prefetch = ServicePrefetch.TasksAsync(context.Evidence, service.Cluster, service.Service, cancellationToken);
        var described = await context.Evidence.Ecs.DescribeServiceAsync(service.Cluster, service.Service, cancellationToken).ConfigureAwait(false);
        if (described.Value is not { } ecsService)
        {
            await StartedReads.SettleAsync(prefetch).ConfigureAwait(false);
            return described.Gap!.Reason == GapReason.NotFound
                ? new DiagnosisReport
                {
                    Subject = service,
                    SubjectProblem = $"{described.Gap.Detail}. List the cluster's services with `aws ecs list-services --cluster {service.Cluster}`.",
                }
                : new DiagnosisReport { Subject = service, TriageGaps = [described.Gap] };
        }

        var report = await RunForServiceAsync(service, ecsService, context, [], progress, cancellationToken).ConfigureAwait(false);
        await StartedReads.SettleAsync(prefetch).ConfigureAwait(false);
        return report;
    }

    // The service path for every subject that leads to an ECS service (the service itself, a target group, an ECS deployment).
    private async Task<DiagnosisReport> RunForServiceAsync(
        DiagnosisSubject subject,
        EcsService ecsService,
        DiagnosisContext context,
        IReadOnlyList<EvidenceGap> gaps,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var first = await ServiceFactsReader.ReadAsync(context.Evidence, ecsService, context.Now, cancellationToken).ConfigureAwait(false);
        context = context with { Service = ecsService, StoppedTasks = first.StoppedTasks, Task = first.StoppedTasks.FirstOrDefault(), Facts = first.Facts };
        return await RunAsync(context, WithSymptom(subject, first.Facts), [.. gaps, .. first.Gaps], progress, cancellationToken).ConfigureAwait(false);
    }
}
