using System.Globalization;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 6 on EKS: the pod runs, but its target in a group the AWS Load Balancer Controller binds it to is unhealthy.
/// DescribeTargetHealth's reason for the pod's own target (ip:port), the group's health check against the port the
/// Service sends to and the pod's readiness probe decide why. A target still registering or draining while the group
/// stays healthy (a rollout) is not this failure.
/// </summary>
internal static class PodTargetsUnhealthy
{
    public static async Task<Verdict> InvestigateAsync(
        IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var (bindings, evidence, missing) = await PodTargetGroups.ReadAsync(context, pod, cluster, cancellationToken).ConfigureAwait(false);
        var subject = $"pod {pod.Namespace}/{pod.Name}";
        if (bindings.Count == 0)
        {
            return missing.Count > 0
                ? Verdict.For(playbook, VerdictStatus.Inconclusive, $"Which target groups {subject} is registered in could not be read.")
                    with { Missing = missing }
                : Verdict.For(playbook, VerdictStatus.RuledOut,
                    $"No TargetGroupBinding in namespace {pod.Namespace} points at a Service that selects {subject}, so no load balancer health-checks it.")
                    with { Confirm = EksCli.TargetGroupBindings(cluster, pod.Namespace) };
        }

        var failing = bindings.FirstOrDefault(b => b.TargetOf(pod) is { State: TargetGroupReading.Unhealthy });
        if (failing is null)
        {
            return NotFailing(playbook, pod, bindings, evidence, missing);
        }

        var region = LoadBalancedService.RegionOf(failing.Binding.TargetGroupArn);
        var target = failing.TargetOf(pod)!;
        var arn = failing.Binding.TargetGroupArn;
        var confirm = LoadBalancingCli.All(LoadBalancingCli.TargetHealth(region, arn), LoadBalancingCli.TargetGroupSetup(region, arn));
        var state = string.Join(' ', new[] { target.Reason, target.Description }.Where(s => !string.IsNullOrEmpty(s)));
        var cause = Cause(region, pod, failing);
        if (cause is null)
        {
            // Only a timeout or a refused connection is left: what lies between the load balancer and the pod decides it.
            var (path, pathEvidence, pathGaps) = await PodSecurityPath.ReadAsync(context.Evidence, cluster, pod, failing, cancellationToken)
                .ConfigureAwait(false);
            evidence.AddRange(pathEvidence);
            missing.AddRange(pathGaps);
            cause = PodTimeoutCause.From(region, pod, failing, path);
            if (path.Blocked == true)
            {
                confirm = LoadBalancingCli.All(
                    path.Branch is { } branch ? LoadBalancingCli.InterfaceGroups(region, branch.NetworkInterfaceId) : null,
                    path.Policies?.Single is { } policy ? EksCli.SecurityGroupPolicy(cluster, policy.Namespace, policy.Name) : null,
                    LoadBalancingCli.SecurityGroupIngress(region, [.. path.GroupIds, .. path.LoadBalancerGroupIds ?? []]),
                    LoadBalancingCli.TargetHealth(region, arn));
            }
        }

        var (subCause, why, fix, decisive) = cause.Value;
        return Verdict.For(playbook, decisive ? VerdictStatus.Confirmed : VerdictStatus.Likely,
            $"The target of {subject} ({failing.TargetLabel(pod)}) in {failing.Name} is unhealthy ({state}) because {why}.")
            with { SubCause = subCause, Evidence = evidence, Missing = missing, Fix = fix, Confirm = confirm };
    }

    private static (string SubCause, string Why, IReadOnlyList<string> Fix, bool Decisive)? Cause(string region, KubePod pod, PodBinding failing)
    {
        var tg = failing.Group;
        var owner = $"the Ingress or Service behind TargetGroupBinding {failing.Binding.Name}";

        // The controller's defaults (aws-load-balancer-controller pkg/ingress model_builder: health check path "/", matcher 200)
        // are what a group gets when its Ingress names no healthcheck-path, the usual 404 on EKS.

        // The controller owns the group: settings changed with the AWS CLI are put back at its next reconcile, so fixes go on the annotations.
        const string Reconciled = "the controller reconciles the target group from these annotations, and reverts a change made to the group directly";
        if (tg?.HealthCheckPort is { } configured && int.TryParse(configured, out var checkPort) && failing.RegisteredPort is { } port && checkPort != port)
        {
            return (TargetsUnhealthyPlaybook.PortMismatchSubCause,
                $"the health check of {failing.Name} probes port {checkPort} while "
                    + (failing.IsInstance ? $"the nodes serve the Service on node port {port}" : $"the pod serves the Service on {port}"),
                [$"Probe the traffic port: {ControllerAnnotation.Set(failing.Binding, "healthcheck-port", "traffic-port")}; {Reconciled}."], true);
        }

        var unhealthy = failing.Health!.Where(t => t.State == TargetGroupReading.Unhealthy).ToList();
        if (tg is not null && UnhealthyCause.FromResponseCodes(region, tg, unhealthy) is { } answered)
        {
            var probe = pod.Containers.Select(c => c.ReadinessProbe?.Path).FirstOrDefault(p => p is not null);
            var path = probe is null ? "a path the app answers with 200" : $"{probe} (the path the pod's own readinessProbe checks)";
            return (answered.SubCause, answered.Why, answered.SubCause == TargetsUnhealthyPlaybook.PathNotFoundSubCause
                ? [$"Point the health check at {path} instead of the controller's default /: "
                    + $"{ControllerAnnotation.Set(failing.Binding, "healthcheck-path", probe)}; {Reconciled}."]
                : [.. answered.Fix.Select(step => $"{step} On EKS set the same through the alb.ingress.kubernetes.io/healthcheck-* annotations of {owner}: "
                    + $"{Reconciled}.")],
                true);
        }

        return null;
    }

    private static Verdict NotFailing(
        IPlaybook playbook, KubePod pod, IReadOnlyList<PodBinding> bindings, List<EvidenceItem> evidence, List<Diagnostics.Evidence.EvidenceGap> missing)
    {
        if (bindings.Any(b => b.Health is null))
        {
            return Verdict.For(playbook, VerdictStatus.Inconclusive, $"The target health of pod {pod.Namespace}/{pod.Name} could not be read.")
                with { Evidence = evidence, Missing = missing };
        }

        var states = bindings.Select(b => b.TargetOf(pod) is { } own
            ? string.Create(CultureInfo.InvariantCulture, $"{b.Name}: {own.State}{(own.Reason is null ? string.Empty : $" ({own.Reason})")}, "
                + $"{b.InUse.Count(t => t.State == TargetGroupReading.Healthy)} of {b.InUse.Count} targets healthy")
            : b.IsInstance
                ? $"{b.Name}: its node's instance {b.NodeInstanceId ?? "(unread)"} not registered on node port {b.NodePort}"
                : $"{b.Name}: not registered (the controller registers ready pods only)");
        var transient = bindings.Any(b => b.TargetOf(pod)?.State is TargetGroupReading.Initial or TargetGroupReading.Draining);
        return Verdict.For(playbook, VerdictStatus.RuledOut,
            $"No target of pod {pod.Namespace}/{pod.Name} fails its health checks now ({string.Join("; ", states)})"
            + (transient ? ": a target registering or draining while the group stays healthy is a rollout at work, not a failure." : "."))
            with { Evidence = evidence, Missing = missing };
    }
}
