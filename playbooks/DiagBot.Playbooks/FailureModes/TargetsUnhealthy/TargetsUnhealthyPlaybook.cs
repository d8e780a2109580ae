using System.Globalization;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 6: the app runs but its targets fail the load balancer's health checks. Health check port, path and matcher
/// against the containerPort, and the security-group path from the load balancer to the tasks, decide why.
/// </summary>
internal sealed class TargetsUnhealthyPlaybook : IPlaybook
{
    public const string PortMismatchSubCause = "health-check-port-mismatch";
    public const string SecurityGroupSubCause = "security-group-blocks-health-check";
    public const string PathNotFoundSubCause = "health-check-path-not-found";
    public const string MatcherSubCause = "health-check-matcher-mismatch";
    public const string AppErrorSubCause = "health-check-path-returns-error";
    public const string GracePeriodSubCause = "grace-period-too-short";
    public const string TimeoutSubCause = "health-check-timeout";
    public const string FailedChecksSubCause = "health-check-connection-failed";

    // ECS's words when it replaces a task for its target health, in both generations of the message.
    private static readonly string[] FailedCheckEvents = ["failed ELB health checks", "is unhealthy in target-group", "is unhealthy in (target-group"];
    private static readonly TimeSpan RecentEvents = TimeSpan.FromHours(3);

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new()
    {
        ForService = [ServiceLoadBalancerEarlyReads.ReadAsync, TaskSecurityGroupsAsync],
        ForPod = [PodTargetGroups.EarlyAsync, PodSecurityPath.EarlyAsync],
        ForNamespace = [PodTargetGroups.EarlyForNamespaceAsync],
        ForControllerGroup = [PodTargetGroups.EarlyForGroupAsync, PodSecurityPath.EarlyForGroupAsync],
    };

    // Whether the tasks' groups admit the health checks is known from the service alone; only the load balancer's egress waits for more.
    private static Task TaskSecurityGroupsAsync(IEvidenceSource evidence, EcsService service, DateTimeOffset now, CancellationToken cancellationToken) =>
        service.LoadBalancers.Any(b => b.TargetGroupArn is not null) && service.NetworkConfiguration?.SecurityGroups is { Count: > 0 } groups
            ? evidence.Network.DescribeSecurityGroupsAsync(groups, AwsScope.FromArn(service.ServiceArn), cancellationToken)
            : Task.CompletedTask;

    public int Id => TargetsUnhealthy.Number;

    public string Name => TargetsUnhealthy.Name;

    public string Title => TargetsUnhealthy.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await PodTargetsUnhealthy.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        var verdict = await FromTargetsAsync(context, cancellationToken).ConfigureAwait(false);
        return await TargetHealthEvidence.AddAsync(verdict, context, with503s: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Verdict> FromTargetsAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        var resolved = await LoadBalancedService.ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        if (resolved.Service is null && context.TargetGroup is { } alone)
        {
            return await TargetGroupAlone.UnhealthyAsync(this, context, alone, cancellationToken).ConfigureAwait(false);
        }

        if (resolved.Service is not { } service)
        {
            return NewVerdict(VerdictStatus.Inconclusive, resolved.Problem) with { Missing = resolved.Gap is null ? [] : [resolved.Gap] };
        }

        if (!service.LoadBalancers.Any(b => b.TargetGroupArn is not null))
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Service {service.ServiceName} is not behind an ELBv2 target group, so it has no load balancer health checks to fail.");
        }

        var targets = await ServiceTargetsReader.ReadAsync(context, resolved, service, cancellationToken).ConfigureAwait(false);
        var failures = FailedCheckEventsOf(service, context.Now);
        targets.Evidence.AddRange(failures.Take(3).Select(e => new EvidenceItem("ecs:DescribeServices", $"service event {e.CreatedAt?.ToString("u", CultureInfo.InvariantCulture)}", e.Message)));

        var group = targets.Groups.FirstOrDefault(g => g.UnhealthyTargets.Count > 0)
            ?? targets.Groups.FirstOrDefault(g => g.Health is null && failures.Any(e => e.Message.Contains(g.Arn, StringComparison.Ordinal) || e.Message.Contains(g.Name, StringComparison.Ordinal)));
        if (group is null)
        {
            return NotFailing(targets, failures.Count);
        }

        var (path, pathEvidence, pathGaps) = await HealthCheckPath.ReadAsync(context, targets, group, cancellationToken).ConfigureAwait(false);
        targets.Evidence.AddRange(pathEvidence);
        targets.Missing.AddRange(pathGaps);
        var cause = UnhealthyCause.Find(targets, group, path, failures.Count > 0);

        // Events are history; only DescribeTargetHealth says the targets fail now, and the target group decides every cause.
        var confirmed = cause.Decisive && group.Health is not null && group.Group is not null;
        var now = group.Health is null ? "have failed ELB health checks (service events; their current health is unread)" : Count(group);
        return NewVerdict(confirmed ? VerdictStatus.Confirmed : VerdictStatus.Likely, $"Targets of {group.Name} (service {service.ServiceName}) {now} because {cause.Why}.")
            with { SubCause = cause.SubCause, Evidence = targets.Evidence, Missing = targets.Missing, Fix = cause.Fix, Confirm = cause.Confirm };
    }

    private Verdict NotFailing(ServiceTargets targets, int failedEvents)
    {
        var confirm = LoadBalancingCli.All([.. targets.Groups.Select(g => LoadBalancingCli.TargetHealth(targets.Resolved.Region, g.Arn))]);
        if (targets.Groups.Any(g => g.Health is null))
        {
            return NewVerdict(VerdictStatus.Inconclusive, $"The target health of service {targets.Service.ServiceName} could not be read and its recent events show no failed ELB health checks.")
                with { Evidence = targets.Evidence, Missing = targets.Missing, Confirm = confirm };
        }

        var empty = targets.Groups.Where(g => g.InUse!.Count == 0).Select(g => g.Name).ToList();
        var why = empty.Count > 0
            ? $"target group(s) {string.Join(", ", empty)} have no registered targets at all, which is playbook 5 alb-503-no-targets"
            : $"every target in use is healthy or still registering ({string.Join("; ", targets.Groups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Name}: {g.InUse!.Count(t => t.State == TargetGroupReading.Healthy)} of {g.InUse!.Count} healthy{StillStarting(g)}")))})"
                + (failedEvents > 0 ? ", though older events show failed ELB health checks" : string.Empty);
        return NewVerdict(VerdictStatus.RuledOut, $"No target of service {targets.Service.ServiceName} fails its health checks now: {why}.")
            with { Evidence = targets.Evidence, Missing = targets.Missing, Confirm = confirm };
    }

    // A target just registered is "initial" until it passes its first checks (Elb.RegistrationInProgress, Elb.InitialHealthChecking).
    private static string StillStarting(TargetGroupReading group) =>
        group.InUse!.Count(t => t.State == TargetGroupReading.Initial) is > 0 and var starting
            ? string.Create(CultureInfo.InvariantCulture, $", {starting} still in their initial health checks")
            : string.Empty;

    private static string Count(TargetGroupReading group) => string.Create(CultureInfo.InvariantCulture,
        $"are unhealthy ({group.UnhealthyTargets.Count} of {group.InUse?.Count ?? 0}, {string.Join(", ", group.UnhealthyTargets.Select(t => t.Reason).Distinct())})");

    private static List<EcsServiceEvent> FailedCheckEventsOf(EcsService service, DateTimeOffset now) =>
        service.Events
            .Where(e => e.CreatedAt is null || now - e.CreatedAt <= RecentEvents)
            .Where(e => FailedCheckEvents.Any(words => e.Message.Contains(words, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
