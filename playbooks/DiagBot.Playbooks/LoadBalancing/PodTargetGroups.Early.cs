using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>What triage starts early for the playbooks that read a pod's bindings (5, 6 and 13), asked as they ask it.</summary>
internal static partial class PodTargetGroups
{
    /// <summary>
    /// Playbooks 5, 6 and 13's early reads of a pod the engineer says is behind a load balancer, or that is not ready: the
    /// namespace's bindings (often already asked for beside the pod's own read), then their Services, groups and targets'
    /// health, as <see cref="ReadAllAsync"/> asks for them.
    /// </summary>
    public static async Task EarlyAsync(IEvidenceSource evidence, PodAtHand atHand, CancellationToken cancellationToken)
    {
        if (!WouldRead(atHand))
        {
            return;
        }

        var listed = await evidence.Kubernetes.ListTargetGroupBindingsAsync(atHand.Cluster, atHand.Pod.Namespace, cancellationToken).ConfigureAwait(false);
        if (listed.Value is { Count: > 0 } bindings)
        {
            var (services, groups, health, node) = Start(evidence, atHand.Cluster, atHand.Pod, bindings, cancellationToken);
            await Task.WhenAll(services.Values.Cast<Task>().Concat(health.Values).Append(groups ?? Task.CompletedTask).Append(node ?? Task.CompletedTask))
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The namespace's bindings, listed beside the pod's own read when the engineer's words name a load balancer: what they
    /// lead to then starts with the pod's events (<see cref="EarlyAsync"/>), and playbook 13 reaches the load balancer in round three.
    /// </summary>
    public static Task EarlyForNamespaceAsync(IEvidenceSource evidence, NamespaceAtHand atHand, CancellationToken cancellationToken) =>
        AboutLoadBalancer(atHand.Symptom)
            ? evidence.Kubernetes.ListTargetGroupBindingsAsync(atHand.Cluster, atHand.Namespace, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// A controller's target group as the subject: what its namespace's bindings lead to, and the pod's node when one of them
    /// is an `instance` binding, as <see cref="ReadAllAsync"/> asks for them, started beside the pod's events rather than after.
    /// </summary>
    public static Task EarlyForGroupAsync(IEvidenceSource evidence, GroupAtHand atHand, CancellationToken cancellationToken)
    {
        if (atHand.Bindings.Count == 0)
        {
            return Task.CompletedTask;
        }

        var (services, groups, health) = StartBindings(evidence, atHand.Cluster, atHand.Bindings[0].Namespace, atHand.Bindings, cancellationToken);
        var node = atHand.Pod is { } pod ? NodeRead(evidence, atHand.Cluster, pod, atHand.Bindings, cancellationToken) : null;
        return Task.WhenAll(services.Values.Cast<Task>().Concat(health.Values).Append(groups ?? Task.CompletedTask).Append(node ?? Task.CompletedTask));
    }
}
