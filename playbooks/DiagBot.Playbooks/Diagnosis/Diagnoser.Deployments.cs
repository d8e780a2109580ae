using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// A deployment as the subject. A Kubernetes Deployment is read, its pods listed by its selector, and the pod that
/// shows the failure diagnosed the way a pod is; an ECS deployment id leads to the service that runs it.
/// </summary>
public sealed partial class Diagnoser
{
    private async Task<DiagnosisReport> DiagnoseDeploymentAsync(DeploymentSubject subject, DiagnosisContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var kubernetes = context.Evidence.Kubernetes;
        if ((subject.Cluster ?? kubernetes.Clusters.FirstOrDefault()) is not { } cluster)
        {
            return new DiagnosisReport { Subject = subject, SubjectProblem = NoKubernetesCluster };
        }

        var read = await kubernetes.GetDeploymentAsync(cluster, subject.Namespace, subject.Deployment, cancellationToken).ConfigureAwait(false);
        if (read.Value is not { } deployment)
        {
            return read.Gap!.Reason == GapReason.NotFound
                ? new DiagnosisReport { Subject = subject, SubjectProblem = $"{read.Gap.Detail}. List the namespace's deployments with `kubectl --context {cluster} get deployments -n {subject.Namespace}`." }
                : new DiagnosisReport { Subject = subject, TriageGaps = [read.Gap] };
        }

        var query = LabelSelectorQuery.From(deployment.MatchLabels, deployment.MatchExpressions);
        var selector = query.Text;
        var pods = selector is null
            ? EvidenceResult<IReadOnlyList<KubePod>>.Missing(new EvidenceGap("kubernetes", "list pods", GapReason.InvalidRequest, $"deployment {subject.Namespace}/{subject.Deployment} {query.Problem}, so its pods were not listed; `kubectl --context {cluster} get deployment -n {subject.Namespace} {subject.Deployment} -o jsonpath='{{.spec.selector}}'` shows the selector"))
            : await kubernetes.ListPodsAsync(cluster, subject.Namespace, selector, cancellationToken).ConfigureAwait(false);
        var shown = DeploymentPods.Evidence(deployment, pods.Value);
        if (DeploymentPods.MostFailing(pods.Value ?? []) is not { } pod)
        {
            var why = pods.Gap ?? new EvidenceGap("kubernetes", "list pods", GapReason.NotFound,
                $"deployment {subject.Namespace}/{subject.Deployment} has no pods matching {selector} ({DeploymentPods.Summary(deployment)}); `kubectl --context {cluster} describe deployment -n {subject.Namespace} {subject.Deployment}` and its ReplicaSet's events say why none were created");
            return new DiagnosisReport { Subject = subject, TriageGaps = [why] };
        }

        progress?.Report($"Deployment {subject.Namespace}/{subject.Deployment}: {DeploymentPods.Summary(deployment)}; looking at pod {pod.Name}");
        var first = await PodFactsReader.ReadAsync(kubernetes, cluster, pod, cancellationToken).ConfigureAwait(false);
        context = context with { Pod = pod, KubernetesCluster = cluster, PodEvents = first.Events, Facts = first.Facts };
        var report = await RunAsync(context, WithSymptom(subject, first.Facts), first.Gaps, progress, cancellationToken).ConfigureAwait(false);

        // Each verdict is about one pod: the Deployment's own state says how far the failure reaches.
        return report with { Verdicts = [.. report.Verdicts.Select(v => v with { Evidence = [.. shown, .. v.Evidence] })] };
    }

    private async Task<DiagnosisReport> DiagnoseEcsDeploymentAsync(EcsDeploymentSubject subject, DiagnosisContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // A service's tasks carry their deployment's id in startedBy: a running one names the service, one ListTasks a
        // configured cluster, however large the account. Only a deployment with no running task searches every service.
        if (await ServiceOfRunningTasksAsync(subject, context, cancellationToken).ConfigureAwait(false) is { } owner)
        {
            progress?.Report($"ECS deployment {subject.DeploymentId} belongs to service {owner.ServiceName}");
            return await RunForServiceAsync(subject, owner, context, [], progress, cancellationToken).ConfigureAwait(false);
        }

        // A deployment id names no account or region: every configured one is searched, together.
        var scopes = context.Evidence.Scopes;
        var searches = await Task.WhenAll(scopes.Select(scope => context.Evidence.Ecs.DescribeAllServicesAsync(scope, cancellationToken))).ConfigureAwait(false);
        if (searches.SelectMany(s => s.Value?.Services ?? []).FirstOrDefault(s => s.Deployments.Any(d => d.Id == subject.DeploymentId)) is { } service)
        {
            progress?.Report($"ECS deployment {subject.DeploymentId} belongs to service {service.ServiceName}");
            return await RunForServiceAsync(subject, service, context, [], progress, cancellationToken).ConfigureAwait(false);
        }

        var read = searches.Select(s => s.Value).OfType<EcsServiceSearch>().ToList();
        var searched = read.Count > 0
            ? $"is not among the current deployments of the {read.Sum(r => r.Services.Count)} service(s) in {read.Sum(r => r.ClusterArns.Count)} cluster(s) DiagBot can read in {SearchedScopes.Describe(scopes)} (ECS keeps only a service's current deployments)"
                + (read.Count < searches.Length ? $"; {searches.Length - read.Count} could not be searched ({searches.First(s => s.Value is null).Gap!.Detail})" : string.Empty)
            : $"could not be looked for ({searches[0].Gap!.Detail})";
        return new DiagnosisReport
        {
            Subject = subject,
            SubjectProblem = $"ECS deployment {subject.DeploymentId} {searched}. Give its service instead: `service <name> in <cluster>` (list them with `aws ecs list-services --cluster <cluster>`).",
        };
    }

    private static async Task<EcsService?> ServiceOfRunningTasksAsync(EcsDeploymentSubject subject, DiagnosisContext context, CancellationToken cancellationToken)
    {
        var ecs = context.Evidence.Ecs;
        var started = await ecs.ListTasksStartedByAsync(subject.DeploymentId, cancellationToken).ConfigureAwait(false);
        if (started.Value?.FirstOrDefault() is not { } taskArn || !EcsTaskRef.TryParse(taskArn, out var reference))
        {
            return null;
        }

        var task = (await ecs.DescribeTaskAsync(reference, cancellationToken).ConfigureAwait(false)).Value;
        if (task is not { ClusterArn: { } cluster } || ServiceScope.ServiceNameOf(task) is not { } name)
        {
            return null;
        }

        var service = (await ecs.DescribeServiceAsync(cluster, name, cancellationToken).ConfigureAwait(false)).Value;
        return service?.Deployments.Any(d => d.Id == subject.DeploymentId) == true ? service : null;
    }

    private const string NoKubernetesCluster = "No Kubernetes cluster is configured, so DiagBot cannot read pods. Add one under DiagBot:Kubernetes:Clusters (see docs/configuration/accounts-and-clusters.md).";
}
