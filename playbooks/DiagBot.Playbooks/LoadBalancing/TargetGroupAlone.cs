using System.Globalization;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// Playbooks 5, 6 and 13 for a target group that no ECS service DiagBot can find registers into: what the group and
/// its targets' health show by themselves. Without the service, its containerPort and security groups stay unknown.
/// </summary>
internal static class TargetGroupAlone
{
    public const string NoServiceSubCause = "no-service-registers-targets";

    private const string NotInUse = "Target.NotInUse";

    public static async Task<Verdict> NoTargetsAsync(IPlaybook playbook, DiagnosisContext context, TargetGroup group, CancellationToken cancellationToken)
    {
        if (context.ControllerGroup is { } owned)
        {
            return ControllerGroupAlone.For(playbook, group, owned);
        }

        var (region, name, health, evidence) = await ReadAsync(context, group, cancellationToken).ConfigureAwait(false);
        var confirm = LoadBalancingCli.All(LoadBalancingCli.TargetHealth(region, group.TargetGroupArn), LoadBalancingCli.TargetGroupSetup(region, group.TargetGroupArn));
        if (health.Value is not { } targets)
        {
            return Verdict.For(playbook, VerdictStatus.Inconclusive, $"Whether target group {name} has registered targets could not be read.") with { Evidence = evidence, Missing = [health.Gap!], Confirm = confirm };
        }

        var inUse = targets.Count(t => t.State is not (TargetGroupReading.Unused or TargetGroupReading.Draining));
        if (inUse > 0)
        {
            return Verdict.For(playbook, VerdictStatus.RuledOut, string.Create(CultureInfo.InvariantCulture, $"Target group {name} has {inUse} registered target(s) in use, so an ALB 503 is not missing registration."))
                with { Evidence = evidence, Confirm = confirm };
        }

        if (group.LoadBalancerArns.Count == 0)
        {
            return Verdict.For(playbook, VerdictStatus.Likely, $"Target group {name} is attached to no load balancer (no listener rule forwards to it) and no ECS service registers targets in it.")
                with { SubCause = Alb503NoTargetsPlaybook.NotAttachedSubCause, Evidence = evidence, Confirm = confirm, Fix = [$"Forward the listener rule that answers 503 to the target group the service really uses, or attach {name} and register the service's tasks in it."] };
        }

        if (targets.Count > 0 && targets.All(t => t.Reason == NotInUse))
        {
            return Verdict.For(playbook, VerdictStatus.Likely, $"Every target of {name} is unused ({NotInUse}): they sit in Availability Zones ({string.Join(", ", targets.Select(t => t.AvailabilityZone).OfType<string>().Distinct())}) the load balancer does not serve.")
                with { SubCause = Alb503NoTargetsPlaybook.ZoneNotEnabledSubCause, Evidence = evidence, Confirm = confirm, Fix = ["Enable the targets' zones on the load balancer (`aws elbv2 set-subnets`), or run the targets in the zones it serves."] };
        }

        // An empty group behind a load balancer is the 503 itself; the ECS search decides why nothing registers.
        return Verdict.For(playbook, VerdictStatus.Confirmed, $"ALB 503: target group {name} of {string.Join(", ", group.LoadBalancerArns.Select(NameOf))} has no registered targets, and no ECS service names it in its loadBalancers, so nothing registers targets in it.")
            with
            {
                SubCause = NoServiceSubCause,
                Evidence = evidence,
                Confirm = confirm,
                Fix =
                [
                    $"Find the service meant to serve it and compare its loadBalancers with {group.TargetGroupArn}: `aws ecs describe-services --cluster <cluster> --services <service> --query \"services[0].loadBalancers\"`.",
                    $"Point that service at this group (`aws ecs update-service --load-balancers targetGroupArn={group.TargetGroupArn},containerName=<container>,containerPort=<port>`), or the listener at the group the service uses.",
                ],
            };
    }

    public static async Task<Verdict> UnhealthyAsync(IPlaybook playbook, DiagnosisContext context, TargetGroup group, CancellationToken cancellationToken)
    {
        if (context.ControllerGroup is { } owned)
        {
            return ControllerGroupAlone.For(playbook, group, owned);
        }

        var (region, name, health, evidence) = await ReadAsync(context, group, cancellationToken).ConfigureAwait(false);
        var confirm = LoadBalancingCli.TargetHealth(region, group.TargetGroupArn);
        if (health.Value is not { } targets)
        {
            return Verdict.For(playbook, VerdictStatus.Inconclusive, $"The target health of {name} could not be read.") with { Evidence = evidence, Missing = [health.Gap!], Confirm = confirm };
        }

        var unhealthy = targets.Where(t => t.State == TargetGroupReading.Unhealthy).ToList();
        if (unhealthy.Count == 0)
        {
            return Verdict.For(playbook, VerdictStatus.RuledOut, string.Create(CultureInfo.InvariantCulture, $"No target of {name} fails its health checks now ({targets.Count(t => t.State == TargetGroupReading.Healthy)} of {targets.Count} healthy)."))
                with { Evidence = evidence, Confirm = confirm };
        }

        var count = string.Create(CultureInfo.InvariantCulture, $"{unhealthy.Count} of {targets.Count}, {string.Join(", ", unhealthy.Select(t => t.Reason).Distinct())}");
        if (UnhealthyCause.FromResponseCodes(region, group, unhealthy) is { } cause)
        {
            return Verdict.For(playbook, VerdictStatus.Confirmed, $"Targets of {name} are unhealthy ({count}) because {cause.Why}.")
                with { SubCause = cause.SubCause, Evidence = evidence, Fix = cause.Fix, Confirm = cause.Confirm };
        }

        var timedOut = unhealthy.Any(t => t.Reason == "Target.Timeout");
        return Verdict.For(playbook, VerdictStatus.Likely, $"Targets of {name} are unhealthy ({count}): health checks to {group.HealthCheckPath ?? "the health check path"} on port {group.HealthCheckPort} {(timedOut ? "time out" : "fail")}; no ECS service uses the group, so its security groups and containerPort could not be compared.")
            with
            {
                SubCause = timedOut ? TargetsUnhealthyPlaybook.TimeoutSubCause : TargetsUnhealthyPlaybook.FailedChecksSubCause,
                Evidence = evidence,
                Confirm = LoadBalancingCli.All(confirm, LoadBalancingCli.TargetGroupSetup(region, group.TargetGroupArn)),
                Fix = [$"Check that the targets listen on 0.0.0.0 at the health check port and answer {group.HealthCheckPath ?? "the health check path"} within {group.HealthCheckTimeoutSeconds ?? 5} s, and that their security groups admit the load balancer on that port."],
            };
    }

    public static Verdict NoService(IPlaybook playbook, DiagnosisContext context, TargetGroup group) => context.ControllerGroup is { } owned
        ? ControllerGroupAlone.For(playbook, group, owned)
        : Verdict.For(playbook, VerdictStatus.Inconclusive, $"No ECS service DiagBot can find uses target group {group.TargetGroupName}, so there are no app logs to compare with the load balancer's idle timeout; give the service: `service <name> in <cluster>`.");

    private static async Task<(string Region, string Name, Diagnostics.Evidence.EvidenceResult<IReadOnlyList<TargetHealthDescription>> Health, List<EvidenceItem> Evidence)> ReadAsync(
        DiagnosisContext context, TargetGroup group, CancellationToken cancellationToken)
    {
        var health = await context.Evidence.LoadBalancing.DescribeTargetHealthAsync(group.TargetGroupArn, cancellationToken).ConfigureAwait(false);
        var name = group.TargetGroupName ?? group.TargetGroupArn;
        var evidence = new List<EvidenceItem>
        {
            new("elasticloadbalancing:DescribeTargetGroups", $"target group {name} TargetType, port", $"{group.TargetType ?? "(not returned)"}, {group.Port?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}"),
            new("elasticloadbalancing:DescribeTargetGroups", $"target group {name} health check (protocol, port, path, matcher)", $"{group.HealthCheckProtocol}, {group.HealthCheckPort}, {group.HealthCheckPath}, {group.MatcherHttpCode}"),
            new("elasticloadbalancing:DescribeTargetGroups", $"target group {name} LoadBalancerArns", group.LoadBalancerArns.Count == 0 ? "(none)" : string.Join(", ", group.LoadBalancerArns)),
        };
        if (health.Value is { } targets)
        {
            evidence.Add(new("elasticloadbalancing:DescribeTargetHealth", $"target group {name} targets", targets.Count.ToString(CultureInfo.InvariantCulture)));
            evidence.AddRange(targets.Take(5).Select(t => new EvidenceItem("elasticloadbalancing:DescribeTargetHealth", $"target {t.TargetId}:{t.Port} state",
                string.Join(' ', new[] { t.State, t.Reason, t.Description }.Where(s => !string.IsNullOrEmpty(s))))));
        }

        return (LoadBalancedService.RegionOf(group.TargetGroupArn), name, health, evidence);
    }

    private static string NameOf(string loadBalancerArn) => loadBalancerArn.Split('/') is { Length: >= 3 } parts ? parts[2] : loadBalancerArn;
}
