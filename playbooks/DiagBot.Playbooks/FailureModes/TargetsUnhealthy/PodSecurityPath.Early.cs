using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.LoadBalancing;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>What triage starts early for the security-group path, asked as <see cref="ReadAsync"/> asks it.</summary>
internal sealed partial record PodSecurityPath
{
    // The target health reasons PodTimeoutCause answers from the path (ELBv2 API reference, TargetHealth): a check that timed
    // out, or a connection refused or reset.
    private static readonly string[] PathReasons = ["Target.Timeout", "Target.FailedHealthChecks"];

    /// <summary>
    /// Playbook 6's early reads beside the target groups': the pod's node's instance, whose groups the path needs, and for a pod
    /// with security groups of its own its branch interface and its namespace's SecurityGroupPolicies, which name where they came from.
    /// </summary>
    public static Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken) =>
        PodTargetGroups.WouldRead(atHand) ? PathReads(evidence, atHand.Cluster, atHand.Pod, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// A controller's target group as the subject, whose pod's own target times out or is refused: the same reads and the group's
    /// load balancers, whose groups are the path's source, started beside the pod's events instead of after the bindings' reads.
    /// </summary>
    public static Task EarlyForGroupAsync(IEvidenceSource evidence, GroupAtHand atHand, CancellationToken cancellationToken)
    {
        if (atHand.Pod is not { PodIp: { } ip } pod
            || !atHand.Targets.Any(t => t.TargetId == ip && t.State == TargetGroupReading.Unhealthy && PathReasons.Contains(t.Reason)))
        {
            return Task.CompletedTask;
        }

        var balancers = atHand.Group.LoadBalancerArns.Count > 0
            ? evidence.LoadBalancing.DescribeLoadBalancersAsync(atHand.Group.LoadBalancerArns, cancellationToken)
            : null;
        return Task.WhenAll(PathReads(evidence, atHand.Cluster, pod, cancellationToken), balancers ?? Task.CompletedTask);
    }

    private static Task PathReads(IEvidenceSource evidence, string cluster, KubePod pod, CancellationToken cancellationToken)
    {
        var instance = PodNetwork.InstanceAsync(evidence, cluster, pod, cancellationToken);
        if (!PodBranchInterface.Has(pod))
        {
            return instance ?? Task.CompletedTask;
        }

        var branch = PodBranchInterface.ReadAsync(evidence, ScopeOf(evidence, cluster), pod, instance, cancellationToken);
        var policies = evidence.Kubernetes.ListSecurityGroupPoliciesAsync(cluster, pod.Namespace, cancellationToken);
        return Task.WhenAll(instance ?? Task.CompletedTask, branch, policies);
    }
}
