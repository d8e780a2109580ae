using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// From a target group the AWS Load Balancer Controller owns to a pod to diagnose: the configured cluster its
/// elbv2.k8s.aws/cluster tag names, the TargetGroupBinding whose spec.targetGroupARN is the group (listed in the
/// namespace its stack tag names, or in every namespace for an IngressGroup), then the binding's Service and the
/// namespace's pods, the reads the pod playbooks make again from the session. The pod is one of the group's targets,
/// the unhealthy first, else one the Service selects, else one meant for it (named after it, its selector lost).
/// </summary>
internal static class ControllerGroupReader
{
    /// <summary>
    /// Null when the tags could not be read and no binding names the group: it is then taken for a group made outside a
    /// cluster, as before the tags were read.
    /// </summary>
    /// <param name="early">The modes' reads to start once a pod of the group is found (<see cref="EarlyReads.ForControllerGroup"/>).</param>
    public static async Task<(ControllerGroup Group, KubePod? Pod)?> ReadAsync(IEvidenceSource evidence, TargetGroup group,
        EvidenceResult<IReadOnlyDictionary<string, string>> tags, IReadOnlyList<TargetHealthDescription>? targets,
        (IReadOnlyList<Func<IEvidenceSource, GroupAtHand, CancellationToken, Task>> Reads, DateTimeOffset Now) early, CancellationToken cancellationToken)
    {
        var owned = ControllerTags.AreControllers(tags.Value);
        var found = new ControllerGroup(tags.Value ?? new Dictionary<string, string>());
        var k8s = evidence.Kubernetes;
        var eksName = tags.Value?.GetValueOrDefault(ControllerTags.Cluster);
        var clusters = owned ? ClustersOf(k8s, eksName) : k8s.Clusters;
        if (clusters.Count == 0)
        {
            return (found with { Problem = k8s.Clusters.Count == 0
                ? "no Kubernetes cluster is configured (DiagBot:Kubernetes:Clusters), so its TargetGroupBinding, Service and pods could not be read"
                : $"it belongs to EKS cluster {eksName}, and no configured cluster ({string.Join(", ", k8s.Clusters)}) is that one "
                    + "(DiagBot:Kubernetes:Clusters:n:Eks:ClusterName), so its TargetGroupBinding could not be looked for" }, null);
        }

        var ns = tags.Value is { } read ? ControllerStack.FromTags(read)?.Namespace : null;
        var lists = await Task.WhenAll(clusters.Select(c => k8s.ListTargetGroupBindingsAsync(c, ns, cancellationToken))).ConfigureAwait(false);
        var gaps = lists.Select(l => l.Gap).OfType<EvidenceGap>().ToList();
        var bound = clusters.Zip(lists).SelectMany(c => (c.Second.Value ?? []).Select(b => (Cluster: c.First, Binding: b)))
            .FirstOrDefault(c => c.Binding.TargetGroupArn == group.TargetGroupArn);
        if (bound.Binding is not { } binding)
        {
            var where = $"{(ns is null ? "any namespace" : $"namespace {ns}")} of {string.Join(", ", clusters)}";
            return !owned ? null : (found with
            {
                KubernetesCluster = clusters[0],
                Gaps = gaps,
                Problem = gaps.Count > 0
                    ? $"the TargetGroupBindings of {where} could not be read"
                    : $"no TargetGroupBinding in {where} names it (the controller deletes the binding with its Ingress or Service, "
                        + "so the group may be left over)",
            }, null);
        }

        var serviceRead = k8s.GetServiceAsync(bound.Cluster, binding.Namespace, binding.ServiceName, cancellationToken);
        var podsRead = k8s.ListPodsAsync(bound.Cluster, binding.Namespace, null, cancellationToken);
        var (service, pods) = (await serviceRead.ConfigureAwait(false), await podsRead.ConfigureAwait(false));
        gaps.AddRange(new[] { service.Gap, pods.Gap }.OfType<EvidenceGap>());
        found = found with { KubernetesCluster = bound.Cluster, Binding = binding, Gaps = gaps };
        if (Pick(pods.Value ?? [], service.Value, targets ?? []) is { } pod)
        {
            // Started beside the pod's events, which wait for the pod too: only a diagnosis with a pod runs the pod playbooks
            // that ask. Only a list of the one namespace is the list those playbooks ask for again; one of every namespace is not.
            var listed = ns is null ? [] : lists[clusters.ToList().IndexOf(bound.Cluster)].Value ?? [];
            var atHand = new GroupAtHand(bound.Cluster, group, listed, early.Now) { Pod = pod, Targets = targets ?? [] };
            var started = listed.Count == 0 ? Task.CompletedTask : Task.WhenAll(early.Reads.Select(read => read(evidence, atHand, cancellationToken)).ToList());
            return (found with { EarlyReads = started }, pod);
        }

        return (found with
        {
            Problem = pods.Value is null || service.Value is null
                ? $"the Service {binding.Namespace}/{binding.ServiceName} of TargetGroupBinding {binding.Name} or the pods of its namespace could not be read"
                : $"no pod of namespace {binding.Namespace} is a target of the group, selected by Service {binding.ServiceName} or named after it",
        }, null);
    }

    // The clusters its tag names by their EKS name; those configured without one might be it, when none is named so.
    private static IReadOnlyList<string> ClustersOf(IKubernetesEvidence k8s, string? eksName)
    {
        var named = k8s.Clusters.Where(c => eksName is not null && k8s.EksClusterOf(c)?.ClusterName == eksName).ToList();
        return named.Count > 0 ? named : [.. k8s.Clusters.Where(c => k8s.EksClusterOf(c) is null)];
    }

    private static KubePod? Pick(IReadOnlyList<KubePod> pods, KubeService? service, IReadOnlyList<TargetHealthDescription> targets)
    {
        var target = pods.Where(p => p.PodIp is not null && targets.Any(t => t.TargetId == p.PodIp))
            .OrderBy(p => targets.Any(t => t.TargetId == p.PodIp && t.State == TargetGroupReading.Unhealthy) ? 0 : 1)
            .FirstOrDefault();
        if (target is not null || service is null)
        {
            return target;
        }

        return pods.Where(p => PodTargetGroups.Selects(service, p)).OrderBy(p => PodTargetGroups.IsReady(p) ? 0 : 1).FirstOrDefault()
            ?? pods.FirstOrDefault(p => PodTargetGroups.MeantFor(service, p));
    }
}
