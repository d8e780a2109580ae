using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.LoadBalancing;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Why a pod's target times out (Target.Timeout) or is refused (Target.FailedHealthChecks), from the security-group path.
/// No rule letting the load balancer in confirms the path blocked; a rule that does leaves the app itself, likely only.
/// </summary>
internal static class PodTimeoutCause
{
    private const string TimeoutReason = "Target.Timeout";

    public static (string SubCause, string Why, IReadOnlyList<string> Fix, bool Decisive) From(
        string region, KubePod pod, PodBinding failing, PodSecurityPath path)
    {
        if (path.Blocked == true)
        {
            return (TargetsUnhealthyPlaybook.SecurityGroupSubCause, $"{path.Why}, so the load balancer's health checks never reach the pod",
                BlockedFix(region, pod, failing, path), true);
        }

        var tg = failing.Group;
        var port = failing.HealthCheckPort;
        var timedOut = failing.Health!.Any(t => t.State == TargetGroupReading.Unhealthy && t.Reason == TimeoutReason);
        var checkPath = tg?.HealthCheckPath ?? "the health check path";
        var app = App(pod, failing);
        var fix = new List<string>
        {
            $"Check that {app} listens on 0.0.0.0:{failing.TargetPort ?? port}"
                + (failing.IsInstance ? $" (kube-proxy forwards node port {port} to it)" : string.Empty)
                + $" and answers {checkPath} within {tg?.HealthCheckTimeoutSeconds ?? 5} s: "
                + "its own log at the health checks' times (user agent ELB-HealthChecker/2.0) shows whether they arrive and how long they take.",
        };
        if (path.Blocked is null)
        {
            fix.Add($"Check that the node's (or, with security groups for pods, the pod's) security group admits the load balancer's group on tcp {port}.");
        }

        return (timedOut ? TargetsUnhealthyPlaybook.TimeoutSubCause : TargetsUnhealthyPlaybook.FailedChecksSubCause,
            $"health checks to {checkPath} on port {port} {(timedOut ? "time out" : "fail to connect")}"
                + (path.Blocked == false ? $" although {path.Why}" : $" ({path.Why})")
                + $": {app} is slow there or does not listen on that port",
            fix, false);
    }

    // The container serving the target port, else the pod's only one: the app a rule that admits the load balancer leaves.
    private static string App(KubePod pod, PodBinding failing) =>
        (pod.Containers.FirstOrDefault(c => c.Ports.Any(p => p.ContainerPort == failing.TargetPort))
            ?? (pod.Containers.Count == 1 ? pod.Containers[0] : null)) is { } container
            ? $"container {container.Name} of pod {pod.Namespace}/{pod.Name}"
            : $"pod {pod.Namespace}/{pod.Name}";

    private static List<string> BlockedFix(string region, KubePod pod, PodBinding failing, PodSecurityPath path)
    {
        var port = path.BlockedPort;
        var lb = path.LoadBalancerGroupIds?.FirstOrDefault();

        // With several groups on a node, the controller writes its rules only to the one tagged kubernetes.io/cluster/<cluster>
        // (aws-load-balancer-controller issue #1594: "expect exactly one securityGroup tagged with kubernetes.io/cluster/...").
        // A pod with groups of its own gets them from the SecurityGroupPolicy (vpcresources.k8s.aws/v1beta1) selecting it, and
        // its node's rules never reach it (EKS user guide, "Assign security groups to individual Pods").
        var command = $"`aws ec2 authorize-security-group-ingress --region {region} --group-id {path.GroupToAdmitIn} --protocol tcp --port {port} "
            + $"--source-group {lb}`";
        var fix = new List<string>
        {
            path.Branch is { } branch
                ? lb is null
                    ? $"Admit the load balancer's subnets' CIDRs on tcp {port} in the pod's own security group {path.GroupToAdmitIn}."
                    : $"Admit the load balancer's group in the pod's own security group {path.GroupToAdmitIn} "
                        + $"(on its branch interface {branch.NetworkInterfaceId}, "
                        + (path.Policies?.Naming(pod, path.GroupToAdmitIn) ?? PodSecurityGroupPolicies.Unread(pod, path.PoliciesGap)) + $"): {command}. "
                        + "The node's groups do not apply to a pod with security groups of its own."
                : lb is null
                    ? $"Admit the load balancer's subnets' CIDRs on tcp {port} in the node's security group {path.GroupToAdmitIn}."
                    : $"Admit the load balancer's group in the node's: {command} (on a node with several groups, "
                        + "the one tagged kubernetes.io/cluster/<cluster> is the one the controller manages).",
        };

        // The controller writes the binding's spec.networking, and the node rules from it, unless the Ingress or Service names its
        // own security groups; then only manage-backend-security-group-rules "true" brings them back (the controller's
        // "Security Groups for Load Balancers" guide and its annotations reference).
        var binding = failing.Binding;
        var stack = ControllerStack.FromLabels(binding.Labels);
        var annotation = stack?.Kind == ControllerStackKind.Service
            ? "service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules"
            : "alb.ingress.kubernetes.io/manage-backend-security-group-rules";
        fix.Add(binding.IngressFromSecurityGroups.Count == 0
            ? $"Or let the controller keep that rule: TargetGroupBinding {binding.Name} has no spec.networking, which is how the controller leaves it "
                + $"when {stack?.ToString() ?? "its Ingress or Service"} names its own security groups; set `{annotation}: \"true\"` there and the "
                + "controller opens the targets' group to the load balancer itself."
            : $"TargetGroupBinding {binding.Name}'s spec.networking opens the targets to {string.Join(", ", binding.IngressFromSecurityGroups)}, "
                + $"not to the load balancer's group {lb ?? "(none)"}: check the groups {stack?.ToString() ?? "its Ingress or Service"} names.");
        return fix;
    }
}
