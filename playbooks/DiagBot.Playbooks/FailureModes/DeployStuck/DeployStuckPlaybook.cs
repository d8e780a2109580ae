using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 12: a deployment stays IN_PROGRESS because ECS cannot place the new tasks. Why is there no room?</summary>
internal sealed class DeployStuckPlaybook : IPlaybook
{
    public const string NoSpareCapacitySubCause = "no-spare-capacity";
    public const string NoContainerInstancesSubCause = "no-container-instances";
    public const string PortConflictSubCause = "port-conflict";
    public const string DeploymentConfigurationSubCause = "deployment-configuration-blocks";
    public const string PlacementRefusedSubCause = "placement-refused";

    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan EventWindow = TimeSpan.FromHours(6);

    /// <summary>The service's events that say a task could not be placed, since its primary deployment began (at most six hours).</summary>
    public static IReadOnlyList<PlacementEvent> PlacementsOf(EcsService service, DateTimeOffset now)
    {
        var deployment = service.Deployments.FirstOrDefault(d => d.Status == "PRIMARY");
        var since = deployment?.CreatedAt is { } created && now - created < EventWindow ? created.AddMinutes(-1) : now - EventWindow;
        return service.Events.Where(e => e.CreatedAt is null || e.CreatedAt >= since).Select(PlacementEvent.Parse).OfType<PlacementEvent>().ToList();
    }

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForService = [HostsAsync] };

    // The hosts of the running tasks and of the placement events, once ECS says it could not place a task.
    private static Task HostsAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken) =>
        PlacementsOf(service, now) is { Count: > 0 } placements
            ? ClusterCapacity.ReadAsync(evidence.Ecs, service, placements.Select(p => p.ContainerInstanceId).OfType<string>(), cancellationToken)
            : Task.CompletedTask;

    public int Id => DeployStuck.Number;

    public string Name => DeployStuck.Name;

    public string Title => DeployStuck.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        var (service, serviceGap) = await ServiceScope.ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        if (service is null)
        {
            return serviceGap is null
                ? NewVerdict(VerdictStatus.RuledOut, "A standalone task has no deployment to get stuck; give the service instead.")
                : NewVerdict(VerdictStatus.Inconclusive, "The task's service could not be read, so its deployments and events are unknown.") with { Missing = [serviceGap] };
        }

        var now = context.Now;
        var region = ServiceScope.RegionOf(service.ServiceArn);
        var cluster = ServiceScope.ClusterNameOf(service, context.Task);
        var deployment = service.Deployments.FirstOrDefault(d => d.Status == "PRIMARY");
        var placements = PlacementsOf(service, now);
        var evidence = DeployStuckEvidence.Service(service, deployment, now, placements).ToList();
        var stuckFor = deployment?.CreatedAt is { } start ? now - start : TimeSpan.Zero;
        var inProgress = deployment?.RolloutState == "IN_PROGRESS" || (deployment is not null && deployment.RolloutState is null && deployment.RunningCount < deployment.DesiredCount);
        var confirm = ServiceCli.Deployments(region, cluster, service.ServiceName);

        if (placements.Count == 0)
        {
            var why = !inProgress ? $"deployment {deployment?.Id ?? "(none)"} of service {service.ServiceName} is {deployment?.RolloutState ?? "not in progress"} and no event says a task could not be placed"
                : deployment!.FailedTasks > 0 ? $"ECS places the new tasks of service {service.ServiceName}; they fail after starting ({deployment.FailedTasks} failed tasks), which is a crash loop or failing health checks, not placement"
                : stuckFor < StuckAfter ? $"deployment {deployment.Id} of service {service.ServiceName} has been in progress for only {(int)stuckFor.TotalMinutes} minutes"
                : LatestStart(service, now) is { } started ? Rolling(service, deployment, started, now)
                : null;
            return why is not null
                ? NewVerdict(VerdictStatus.RuledOut, $"Not a stuck placement: {why}.") with { Evidence = evidence, Confirm = confirm }
                : NewVerdict(VerdictStatus.Inconclusive, $"Deployment {deployment!.Id} of service {service.ServiceName} has been IN_PROGRESS for {(int)stuckFor.TotalMinutes} minutes without a placement event; look at its tasks' health checks and stopped reasons.")
                    with { Evidence = evidence, Confirm = confirm };
        }

        var latest = placements.OrderBy(p => Priority(p.Problem)).ThenByDescending(p => p.Event.CreatedAt).First();
        var gaps = new List<EvidenceGap>();
        var definitionArn = deployment?.TaskDefinition ?? service.TaskDefinition;
        var definition = definitionArn is null ? null : await context.Evidence.Ecs.DescribeTaskDefinitionAsync(definitionArn, cancellationToken).ConfigureAwait(false);
        if (definition?.Gap is { } definitionGap)
        {
            gaps.Add(definitionGap);
        }

        var capacity = await ClusterCapacity.ReadAsync(context.Evidence.Ecs, service, placements.Select(p => p.ContainerInstanceId).OfType<string>(), cancellationToken).ConfigureAwait(false);
        gaps.AddRange(capacity.Missing);
        evidence.AddRange(DeployStuckEvidence.Capacity(definition?.Value, capacity));
        var decision = DeployStuckDecision.Decide(service, latest, definition?.Value, capacity, gaps.Count == 0, stuckFor);
        var ids = capacity.Instances.Select(i => ClusterCapacity.IdOf(i.ContainerInstanceArn)).DefaultIfEmpty(latest.ContainerInstanceId).OfType<string>().ToList();
        return NewVerdict(decision.Status, decision.RootCause)
            with
            {
                SubCause = decision.SubCause,
                Charts = decision.Status == VerdictStatus.RuledOut ? [] : Timeline(context, service, deployment, placements, stuckFor),
                Evidence = evidence,
                Missing = gaps,
                Fix = DeployStuckEvidence.Fix(decision.SubCause, service, definition?.Value, region, cluster),
                Confirm = decision.SubCause switch
                {
                    NoContainerInstancesSubCause when ids.Count == 0 => ServiceCli.ActiveContainerInstances(region, cluster),
                    DeploymentConfigurationSubCause => confirm,
                    _ when ids.Count > 0 => ServiceCli.ContainerInstances(region, cluster, ids),
                    _ => confirm,
                },
            };
    }

    // The deployment's starts and stops with every time ECS said it could not place a task.
    private static IReadOnlyList<Chart> Timeline(
        DiagnosisContext context, EcsService service, EcsDeployment? deployment, IReadOnlyList<PlacementEvent> placements, TimeSpan stuckFor)
    {
        var running = deployment is null ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; {deployment.RunningCount} of {deployment.DesiredCount} new tasks running");
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Service {service.ServiceName}: deployment in progress for {Minutes(stuckFor)} minutes, "
            + $"ECS could not place a task {placements.Count} times{running}");
        var tasks = context.Task is { } task ? context.StoppedTasks.Append(task) : context.StoppedTasks;
        var unplaced = placements.Select(p => p.Event.CreatedAt).OfType<DateTimeOffset>();
        return TaskTimeline.Of(title, service, tasks, context.Now, unplaced) is { } chart ? [chart] : [];
    }

    // A deployment that still starts tasks is moving: a stuck one has no start for a third of the time it is given.
    private static ServiceTaskEvent? LatestStart(EcsService service, DateTimeOffset now) =>
        ServiceTaskEvents.Of(service, now - (StuckAfter / 3), now).Where(e => e.Started).MaxBy(e => e.At);

    private static string Rolling(EcsService service, EcsDeployment deployment, ServiceTaskEvent started, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"deployment {deployment.Id} of service {service.ServiceName} is rolling, slowly but on: ")
        + string.Create(CultureInfo.InvariantCulture, $"{deployment.RunningCount} of {deployment.DesiredCount} new tasks run, ")
        + string.Create(CultureInfo.InvariantCulture, $"ECS started {started.Count} more {(int)(now - started.At).TotalMinutes} minutes ago ")
        + "and none has failed";

    private static int Priority(PlacementProblem problem) => problem switch
    {
        PlacementProblem.DeploymentConfiguration => 0,
        PlacementProblem.NoContainerInstances or PlacementProblem.AgentError => 1,
        PlacementProblem.PortInUse => 2,
        PlacementProblem.InsufficientMemory or PlacementProblem.InsufficientCpu => 3,
        _ => 4,
    };

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);

    internal static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}
