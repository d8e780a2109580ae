using System.Globalization;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 5: an ALB answers 503 when a target group has no registered target in use. When every registered target
/// is unhealthy the ALB fails open and routes anyway (playbook 6), so registration and target type come first.
/// </summary>
internal sealed class Alb503NoTargetsPlaybook : IPlaybook
{
    public const string TargetTypeMismatchSubCause = "target-type-mismatch";
    public const string NotAttachedSubCause = "target-group-not-attached";
    public const string ContainerPortMismatchSubCause = "container-port-mismatch";
    public const string ZoneNotEnabledSubCause = "target-zone-not-enabled";
    public const string RegistrationFailedSubCause = "registration-failed";
    public const string NoRunningTasksSubCause = "no-running-tasks";
    public const string UnexplainedSubCause = "no-registered-targets";

    private static readonly string[] RegistrationWords = ["registered", "register targets", "deregistered"];

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new()
    {
        ForService = [ServiceLoadBalancerEarlyReads.ReadAsync],
        ForPod = [PodTargetGroups.EarlyAsync],
        ForNamespace = [PodTargetGroups.EarlyForNamespaceAsync],
        ForControllerGroup = [PodTargetGroups.EarlyForGroupAsync],
    };

    public int Id => Alb503NoTargets.Number;

    public string Name => Alb503NoTargets.Name;

    public string Title => Alb503NoTargets.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await PodNoTargets.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        var verdict = await FromTargetsAsync(context, cancellationToken).ConfigureAwait(false);
        return await TargetHealthEvidence.AddAsync(verdict, context, with503s: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Verdict> FromTargetsAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        var resolved = await LoadBalancedService.ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        if (resolved.Service is null && context.TargetGroup is { } alone)
        {
            return await TargetGroupAlone.NoTargetsAsync(this, context, alone, cancellationToken).ConfigureAwait(false);
        }

        if (resolved.Service is not { } service)
        {
            return NewVerdict(VerdictStatus.Inconclusive, resolved.Problem) with { Missing = resolved.Gap is null ? [] : [resolved.Gap] };
        }

        if (!service.LoadBalancers.Any(b => b.TargetGroupArn is not null))
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Service {service.ServiceName} is not behind an ELBv2 target group, so an ALB 503 is not about its targets.");
        }

        var targets = await ServiceTargetsReader.ReadAsync(context, resolved, service, cancellationToken).ConfigureAwait(false);
        targets.Evidence.AddRange(service.Events
            .Where(e => RegistrationWords.Any(w => e.Message.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Take(3)
            .Select(e => new EvidenceItem("ecs:DescribeServices", $"service event {e.CreatedAt?.ToString("u", CultureInfo.InvariantCulture)}", e.Message)));

        var empty = targets.Groups.FirstOrDefault(g => g.InUse is { Count: 0 });
        var unread = targets.Groups.FirstOrDefault(g => g.Health is null);
        if (empty is null && unread is null)
        {
            return Registered(targets);
        }

        var group = empty ?? unread!;
        var cause = NoTargetsCause.Find(targets, group);
        var confirm = LoadBalancingCli.All(LoadBalancingCli.TargetHealth(targets.Resolved.Region, group.Arn), cause?.Confirm);
        if (empty is null)
        {
            // Health unread: a configuration that cannot register targets is likely the 503, but today's registration is unseen.
            return cause is null
                ? NewVerdict(VerdictStatus.Inconclusive, $"Whether target group {group.Name} of service {service.ServiceName} has registered targets could not be read, and its configuration shows no reason it would not.")
                    with { Evidence = targets.Evidence, Missing = targets.Missing, Confirm = confirm }
                : FromCause(VerdictStatus.Likely, targets, group, cause, confirm);
        }

        if (cause is null)
        {
            var states = empty.Health!.Count == 0 ? "no targets at all" : string.Join(", ", empty.Health!.Select(t => $"{t.State} {t.Reason}".Trim()).Distinct());
            return NewVerdict(VerdictStatus.Likely, $"ALB 503 on service {service.ServiceName}: target group {group.Name} has {states}, and neither its target type, its load balancer, the container port nor the service's events say why.")
                with
                {
                    SubCause = UnexplainedSubCause,
                    Evidence = targets.Evidence,
                    Missing = targets.Missing,
                    Fix = [$"Read the service's events for registration errors and check that its tasks reach RUNNING: {LoadBalancingCli.ServiceLoadBalancers(targets.Resolved.Region, targets.Resolved.ClusterName, service.ServiceName)}."],
                    Confirm = confirm,
                };
        }

        // The target group itself decides every cause but the service's own state: unread, the cause stays likely.
        return FromCause(group.Group is null ? VerdictStatus.Likely : VerdictStatus.Confirmed, targets, group, cause, confirm);
    }

    private Verdict FromCause(VerdictStatus status, ServiceTargets targets, TargetGroupReading group, NoTargetsCause cause, string confirm)
    {
        var state = group.Health is null ? "probably has no registered targets" : "has no registered targets";
        return NewVerdict(status, $"ALB 503 on service {targets.Service.ServiceName}: target group {group.Name} {state} because {cause.Why}.")
            with { SubCause = cause.SubCause, Evidence = targets.Evidence, Missing = targets.Missing, Fix = cause.Fix, Confirm = confirm };
    }

    private Verdict Registered(ServiceTargets targets)
    {
        var counts = targets.Groups.Select(g => string.Create(CultureInfo.InvariantCulture,
            $"{g.Name}: {g.InUse!.Count(t => t.State == TargetGroupReading.Healthy)} healthy, {g.UnhealthyTargets.Count} unhealthy of {g.InUse!.Count} in use{Draining(g)}"));
        var allUnhealthy = targets.Groups.Any(g => g.InUse!.Count > 0 && g.InUse.All(t => t.State == TargetGroupReading.Unhealthy));
        return NewVerdict(VerdictStatus.RuledOut, $"Every target group of service {targets.Service.ServiceName} has registered targets ({string.Join("; ", counts)}), so an ALB 503 is not missing registration"
                + (allUnhealthy ? "; with every target unhealthy the ALB fails open, so see playbook 6 targets-unhealthy." : "."))
            with
            {
                Evidence = targets.Evidence,
                Missing = targets.Missing,
                Confirm = LoadBalancingCli.All([.. targets.Groups.Select(g => LoadBalancingCli.TargetHealth(targets.Resolved.Region, g.Arn))]),
            };
    }

    // Targets a rolling deployment is deregistering still show in the group; the new ones beside them carry the traffic.
    private static string Draining(TargetGroupReading group) =>
        group.Health!.Count(t => t.State == TargetGroupReading.Draining) is > 0 and var draining
            ? string.Create(CultureInfo.InvariantCulture, $", and {draining} draining (being deregistered, as in a rolling deployment)")
            : string.Empty;

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
