using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The target groups a pod is registered in on EKS: the AWS Load Balancer Controller keeps one TargetGroupBinding per
/// Ingress backend or LoadBalancer Service (elbv2.k8s.aws/v1beta1), naming the target group and the Service whose
/// endpoints it registers. The namespace's bindings are listed during triage; their Services, target groups and target
/// health are then read all at once, and a binding counts when its Service's selector picks the pod.
/// </summary>
internal static partial class PodTargetGroups
{
    private const string Source = "kubernetes:targetgroupbindings";

    /// <summary>Whether triage reads what a pod's bindings lead to: the words name a load balancer, or the pod is not ready.</summary>
    public static bool WouldRead(PodAtHand atHand) => atHand.Pod.PodIp is not null && (AboutLoadBalancer(atHand.Symptom) || !IsReady(atHand.Pod));

    public static bool AboutLoadBalancer(string? words) => words is not null && LoadBalancerWords().IsMatch(words);

    /// <summary>The bindings whose Service selects the pod, with the evidence a verdict shows about each.</summary>
    public static async Task<(IReadOnlyList<PodBinding> Bindings, List<EvidenceItem> Evidence, List<EvidenceGap> Missing)> ReadAsync(
        DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var (all, _, missing) = await ReadAllAsync(context, pod, cluster, withPods: false, cancellationToken).ConfigureAwait(false);
        var found = all.Where(b => Selects(b.Service, pod)).ToList();
        return (found, [.. found.SelectMany(f => EvidenceOf(f, pod))], missing);
    }

    /// <summary>
    /// Every binding of the pod's namespace whose Service could be read, and with <paramref name="withPods"/> the namespace's
    /// pods, listed beside the bindings' reads so that which pods a Service selects costs no further round trip.
    /// </summary>
    public static async Task<(IReadOnlyList<PodBinding> All, IReadOnlyList<KubePod>? Pods, List<EvidenceGap> Missing)> ReadAllAsync(
        DiagnosisContext context, KubePod pod, string cluster, bool withPods, CancellationToken cancellationToken)
    {
        var k8s = context.Evidence.Kubernetes;
        var listed = await k8s.ListTargetGroupBindingsAsync(cluster, pod.Namespace, cancellationToken).ConfigureAwait(false);
        if (listed.Value is not { } bindings)
        {
            return ([], null, [listed.Gap!]);
        }

        var podsRead = withPods ? k8s.ListPodsAsync(cluster, pod.Namespace, null, cancellationToken) : null;
        var (services, groupsRead, healthReads, nodeRead) = Start(context.Evidence, cluster, pod, bindings, cancellationToken);
        await Task.WhenAll(services.Values.Cast<Task>().Concat(healthReads.Values)
            .Append(groupsRead ?? Task.CompletedTask).Append(podsRead ?? Task.CompletedTask).Append(nodeRead ?? Task.CompletedTask)).ConfigureAwait(false);

        var groups = groupsRead is null ? null : await groupsRead.ConfigureAwait(false);
        var pods = podsRead is null ? null : await podsRead.ConfigureAwait(false);
        var node = nodeRead is null ? null : await nodeRead.ConfigureAwait(false);
        var missing = new List<EvidenceGap>();
        var found = new List<PodBinding>();
        foreach (var binding in bindings)
        {
            var service = await services[binding.ServiceName].ConfigureAwait(false);
            if (service.Value is not { } read)
            {
                missing.Add(service.Gap!);
                continue;
            }

            // A target-group subject is about its own group: the namespace's other bindings are not its evidence.
            if (context.TargetGroup is { } subjectGroup && binding.TargetGroupArn != subjectGroup.TargetGroupArn)
            {
                continue;
            }

            var health = await healthReads[binding.TargetGroupArn].ConfigureAwait(false);
            if (health.Gap is { } healthGap && Selects(read, pod))
            {
                missing.Add(healthGap);
            }

            var port = ServicePorts.Of(read, binding.ServicePort);
            found.Add(new PodBinding(binding, read, ServicePorts.TargetPort(port, pod),
                groups?.Value?.FirstOrDefault(g => g.TargetGroupArn == binding.TargetGroupArn), health.Value)
            {
                NodePort = port?.NodePort,
                NodeInstanceId = IsInstance(binding) ? node?.Value?.InstanceId : null,
            });
        }

        var nodeGap = found.Any(b => b.IsInstance && Selects(b.Service, pod)) ? node?.Gap : null;
        missing.AddRange(new[] { groups?.Gap, pods?.Gap, nodeGap }.OfType<EvidenceGap>());
        return (found, pods?.Value, missing.DistinctBy(g => (g.Source, g.Operation, g.Detail)).ToList());
    }

    // Every read the bindings lead to, started at once; the same questions in the same order whoever asks, so the session answers repeats.
    // An `instance` binding's targets are nodes: the pod's node (its providerID names the instance) is read beside them.
    private static (Dictionary<string, Task<EvidenceResult<KubeService>>> Services, Task<EvidenceResult<IReadOnlyList<TargetGroup>>>? Groups,
        Dictionary<string, Task<EvidenceResult<IReadOnlyList<TargetHealthDescription>>>> Health, Task<EvidenceResult<KubeNode>>? Node) Start(
        IEvidenceSource evidence, string cluster, KubePod pod, IReadOnlyList<KubeTargetGroupBinding> bindings, CancellationToken cancellationToken)
    {
        var (services, groups, health) = StartBindings(evidence, cluster, pod.Namespace, bindings, cancellationToken);
        return (services, groups, health, NodeRead(evidence, cluster, pod, bindings, cancellationToken));
    }

    private static Task<EvidenceResult<KubeNode>>? NodeRead(
        IEvidenceSource evidence, string cluster, KubePod pod, IReadOnlyList<KubeTargetGroupBinding> bindings, CancellationToken cancellationToken) =>
        pod.NodeName is { } nodeName && bindings.Any(IsInstance) ? evidence.Kubernetes.GetNodeAsync(cluster, nodeName, cancellationToken) : null;

    // What needs only the namespace's bindings: their Services, their target groups and each group's targets.
    private static (Dictionary<string, Task<EvidenceResult<KubeService>>> Services, Task<EvidenceResult<IReadOnlyList<TargetGroup>>>? Groups,
        Dictionary<string, Task<EvidenceResult<IReadOnlyList<TargetHealthDescription>>>> Health) StartBindings(
        IEvidenceSource evidence, string cluster, string ns, IReadOnlyList<KubeTargetGroupBinding> bindings, CancellationToken cancellationToken)
    {
        var services = bindings.Select(b => b.ServiceName).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => evidence.Kubernetes.GetServiceAsync(cluster, ns, name, cancellationToken), StringComparer.Ordinal);
        var arns = bindings.Select(b => b.TargetGroupArn).Distinct(StringComparer.Ordinal).ToList();
        var groups = arns.Count == 0 ? null : evidence.LoadBalancing.DescribeTargetGroupsAsync(arns, cancellationToken);
        var health = arns.ToDictionary(arn => arn, arn => evidence.LoadBalancing.DescribeTargetHealthAsync(arn, cancellationToken), StringComparer.Ordinal);
        return (services, groups, health);
    }

    // The controller's mutating webhook fills targetType from the target group when the binding leaves it out.
    private static bool IsInstance(KubeTargetGroupBinding binding) =>
        string.Equals(binding.TargetType, PodBinding.InstanceTargetType, StringComparison.OrdinalIgnoreCase);

    /// <summary>A Service picks a pod when its selector is set and every one of its labels is on the pod.</summary>
    public static bool Selects(KubeService service, KubePod pod) =>
        service.Selector.Count > 0 && service.Selector.All(kv => pod.Labels.TryGetValue(kv.Key, out var value) && value == kv.Value);

    public static bool IsReady(KubePod pod) => pod.Conditions.Any(c => c.Type == "Ready" && c.Status == "True");

    /// <summary>The Service meant for a pod it no longer selects: named after the pod's Deployment or its app label.</summary>
    public static bool MeantFor(KubeService service, KubePod pod) =>
        service.Name == PodTermination.DeploymentOf(pod)
        || (pod.Labels.TryGetValue("app", out var app) && app == service.Name)
        || (pod.Labels.TryGetValue("app.kubernetes.io/name", out var name) && name == service.Name);

    public static IEnumerable<EvidenceItem> EvidenceOf(PodBinding found, KubePod pod)
    {
        var b = found.Binding;
        yield return new EvidenceItem(Source, $"targetgroupbinding {b.Namespace}/{b.Name} (target type, service, port)",
            $"{b.TargetType ?? "(not set)"}, {b.ServiceName}:{b.ServicePort ?? "(first)"} -> target port "
            + (found.TargetPort?.ToString(CultureInfo.InvariantCulture) ?? "(unresolved)")
            + (found.IsInstance ? $", node port {found.NodePort?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}" : string.Empty));
        if (found.Group is { } tg)
        {
            yield return new EvidenceItem("elasticloadbalancing:DescribeTargetGroups",
                $"target group {found.Name} health check (protocol, port, path, matcher)",
                $"{tg.HealthCheckProtocol}, {tg.HealthCheckPort}, {tg.HealthCheckPath}, {tg.MatcherHttpCode}");
        }

        if (found.Health is { } targets)
        {
            var own = found.TargetOf(pod);
            yield return new EvidenceItem("elasticloadbalancing:DescribeTargetHealth", $"target {found.TargetLabel(pod)} (pod {pod.Name})",
                own is null ? "(not registered)" : string.Join(' ', new[] { own.State, own.Reason, own.Description }.Where(s => !string.IsNullOrEmpty(s))));
            yield return new EvidenceItem("elasticloadbalancing:DescribeTargetHealth", $"target group {found.Name} targets in use, healthy",
                string.Create(CultureInfo.InvariantCulture, $"{found.InUse.Count}, {targets.Count(t => t.State == TargetGroupReading.Healthy)}"));
        }
    }

    // Words for a load balancer in front of the pod, or its targets' health: a 5xx from it, its target group, its checks.
    [GeneratedRegex(@"\b(50[234]|alb|nlb|elb|load ?balancer|target ?groups?|targets?|health ?checks?|unhealthy|ingress|targetgroupbinding)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex LoadBalancerWords();
}
