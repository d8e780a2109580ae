using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 11: Spot reclaimed the task's capacity. Did the service keep an on-demand base under its Spot tasks?</summary>
internal sealed class SpotInterruptionPlaybook : IPlaybook
{
    public const string NoOnDemandBaseSubCause = "no-on-demand-base";
    public const string OnDemandBaseSubCause = "on-demand-base-absorbed";
    public const string StandaloneTaskSubCause = "standalone-spot-task";
    public const string StrategyUnreadSubCause = "spot-interrupted-strategy-unread";

    public int Id => SpotInterruption.Number;

    public string Name => SpotInterruption.Name;

    public string Title => SpotInterruption.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await SpotReclaimOnEks.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        if (context.Task is not { } task)
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No task or pod to read; give the stopped task's id or ARN, or `pod <namespace>/<name>`.");
        }

        var evidence = TaskEvidence(task).ToList();
        if (SpotCapacity.InterruptionSign(task) is not { } sign)
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Task {task.TaskId} was not interrupted by Spot: stop code {task.StopCode ?? "(none)"} on {task.CapacityProviderName ?? task.LaunchType ?? "unknown capacity"}.")
                with { Evidence = evidence };
        }

        if (ServiceScope.ServiceNameOf(task) is not { } serviceName)
        {
            return NewVerdict(VerdictStatus.Confirmed, $"Spot reclaimed the capacity of standalone task {task.TaskId} ({sign}); no service replaces it.")
                with
                {
                    SubCause = StandaloneTaskSubCause,
                    Evidence = evidence,
                    Fix =
                    [
                        "Run tasks that must finish on on-demand capacity (capacity provider FARGATE or an on-demand EC2 provider), or make them safe to retry.",
                        "Handle SIGTERM: Spot gives a two-minute notice; checkpoint work and exit within stopTimeout (at most 120 s).",
                    ],
                    Confirm = CapacityCli.DescribeTaskCapacity(task),
                };
        }

        var service = await context.Evidence.Ecs.DescribeServiceAsync(task.ClusterArn, serviceName, cancellationToken).ConfigureAwait(false);
        if (service.Value is not { } read)
        {
            return NewVerdict(VerdictStatus.Likely, $"Spot reclaimed task {task.TaskId} of service {serviceName} ({sign}); whether the service keeps an on-demand base could not be read.")
                with { SubCause = StrategyUnreadSubCause, Evidence = evidence, Missing = [service.Gap!], Fix = BaseFix(task, serviceName), Confirm = CapacityCli.DescribeServiceCapacity(task, serviceName) };
        }

        evidence.AddRange(ServiceEvidence(read));
        var verdict = Decide(task, read, sign, evidence);
        return verdict.Status == VerdictStatus.RuledOut ? verdict : verdict with { Charts = Timeline(task, read, context.Now) };
    }

    // The reclaimed task among the service's starts and stops: did the service get its tasks back?
    private static IReadOnlyList<Chart> Timeline(EcsTask task, EcsService service, DateTimeOffset now)
    {
        var at = task.StoppedAt is { } stopped ? stopped.ToUniversalTime().ToString(" 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty;
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Service {service.ServiceName}: Spot reclaimed task {task.TaskId[..Math.Min(8, task.TaskId.Length)]}{at}; "
            + $"{service.RunningCount} of {service.DesiredCount} running now");
        return TaskTimeline.Of(title, service, [task], now) is { } chart ? [chart] : [];
    }

    private Verdict Decide(EcsTask task, EcsService service, string sign, List<EvidenceItem> evidence)
    {
        var confirm = CapacityCli.DescribeServiceCapacity(task, service.ServiceName);
        if (service.CapacityProviderStrategy.Count == 0)
        {
            // Without a strategy of its own the service got the cluster's default one, which DescribeServices does not show.
            var gap = new EvidenceGap("ecs", "DescribeClusters", GapReason.InvalidRequest, "the cluster's default capacity provider strategy is not read by DiagBot yet");
            return NewVerdict(VerdictStatus.Likely, $"Spot reclaimed task {task.TaskId} of service {service.ServiceName} ({sign}); the service has no capacity provider strategy of its own, so the cluster default decides its on-demand base.")
                with { SubCause = StrategyUnreadSubCause, Evidence = evidence, Missing = [gap], Fix = BaseFix(task, service.ServiceName), Confirm = confirm };
        }

        var bases = service.CapacityProviderStrategy.Where(item => SpotCapacity.IsOnDemandBase(item, task.CapacityProviderName)).ToList();
        if (bases.Count > 0)
        {
            var kept = string.Join(", ", bases.Select(b => $"{b.Base.ToString(CultureInfo.InvariantCulture)} on {b.CapacityProvider}"));
            return NewVerdict(VerdictStatus.RuledOut, $"Spot reclaimed task {task.TaskId} ({sign}), as Spot may; service {service.ServiceName} keeps an on-demand base ({kept}), so this is Spot working as designed and ECS replaces the task.")
                with
                {
                    SubCause = OnDemandBaseSubCause,
                    Evidence = evidence,
                    Fix = ["Nothing to fix if the service stayed within its needs; raise the on-demand base if the Spot share cannot be lost at once."],
                    Confirm = confirm,
                };
        }

        return NewVerdict(VerdictStatus.Confirmed, $"Spot reclaimed task {task.TaskId} of service {service.ServiceName} ({sign}), and the service's capacity provider strategy has no on-demand base, so every task it runs can be reclaimed at once.")
            with { SubCause = NoOnDemandBaseSubCause, Evidence = evidence, Fix = BaseFix(task, service.ServiceName), Confirm = confirm };
    }

    private static List<string> BaseFix(EcsTask task, string serviceName) =>
    [
        task.CapacityProviderName is null or SpotCapacity.FargateSpot
            ? $"Give service {serviceName} an on-demand base under its Spot share: `aws ecs update-service --region {CapacityCli.RegionOf(task.TaskArn)} --cluster {task.ClusterName} --service {serviceName} "
                + $"--capacity-provider-strategy capacityProvider={SpotCapacity.Fargate},base=1,weight=1 capacityProvider={SpotCapacity.FargateSpot},weight=3 --force-new-deployment`."
            : $"Give service {serviceName} an on-demand base: add an on-demand EC2 capacity provider of cluster {task.ClusterName} to its strategy with base=1 or more, next to {task.CapacityProviderName}.",
        "Handle SIGTERM within the two-minute Spot notice: set stopTimeout (at most 120 s on Fargate) and drain work before exiting.",
        "Spread Spot tasks over several Availability Zones (subnets) so one reclaim does not take all of them.",
    ];

    private static IEnumerable<EvidenceItem> TaskEvidence(EcsTask task)
    {
        yield return new EvidenceItem("ecs:DescribeTasks", "task stop code", task.StopCode ?? "(none)");
        yield return new EvidenceItem("ecs:DescribeTasks", "task stopped reason", task.StoppedReason ?? "(none)");
        yield return new EvidenceItem("ecs:DescribeTasks", "task capacity provider", task.CapacityProviderName ?? "(none)");
        yield return new EvidenceItem("ecs:DescribeTasks", "task launch type", task.LaunchType ?? "(none: placed by a capacity provider)");
        yield return new EvidenceItem("ecs:DescribeTasks", "task group", task.Group ?? "(none)");
    }

    private static IEnumerable<EvidenceItem> ServiceEvidence(EcsService service)
    {
        foreach (var item in service.CapacityProviderStrategy)
        {
            yield return new EvidenceItem("ecs:DescribeServices", $"strategy item {item.CapacityProvider} (base, weight)",
                string.Create(CultureInfo.InvariantCulture, $"base={item.Base}, weight={item.Weight}{(SpotCapacity.IsSpot(item.CapacityProvider) ? " (Spot)" : string.Empty)}"));
        }

        yield return new EvidenceItem("ecs:DescribeServices", "service running / desired tasks",
            string.Create(CultureInfo.InvariantCulture, $"{service.RunningCount} / {service.DesiredCount}"));
        if (service.Events.Count > 0)
        {
            yield return new EvidenceItem("ecs:DescribeServices", "latest service event", service.Events[0].Message);
        }
    }

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
