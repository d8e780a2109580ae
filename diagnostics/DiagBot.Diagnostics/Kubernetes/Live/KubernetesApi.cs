using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>The Kubernetes reads we make and the RBAC rule each needs (the deploy ClusterRole grants exactly these).</summary>
internal static class KubernetesApi
{
    public const string AwsNodeNamespace = "kube-system";
    public const string AwsNodeName = "aws-node";

    public static readonly AwsOperation GetPod = Operation("get", "pods");
    public static readonly AwsOperation ListPods = Operation("list", "pods");
    public static readonly AwsOperation ListEvents = Operation("list", "events");
    public static readonly AwsOperation WatchEvents = Operation("watch", "events");
    public static readonly AwsOperation ListNodes = Operation("list", "nodes");
    public static readonly AwsOperation GetDaemonSet = Operation("get", "daemonsets");
    /// <summary>kube-apiserver proxies a log read to the pod's kubelet on 10250 (Kubernetes docs, "Control plane-node communication").</summary>
    public static readonly AwsOperation GetPodLog = Operation("get", "pods/log") with { ReachesNode = true };
    public static readonly AwsOperation GetDeployment = Operation("get", "deployments");
    public static readonly AwsOperation GetNode = Operation("get", "nodes");
    public static readonly AwsOperation GetService = Operation("get", "services");
    public static readonly AwsOperation ListTargetGroupBindings = Operation("list", KubernetesCustomObjects.TargetGroupBindings);
    public static readonly AwsOperation ListSecurityGroupPolicies = Operation("list", KubernetesSecurityGroupPolicies.Plural);

    public static IReadOnlyList<AwsOperation> Operations { get; } =
        [GetPod, ListPods, ListEvents, WatchEvents, ListNodes, GetDaemonSet, GetPodLog, GetDeployment, GetNode, GetService, ListTargetGroupBindings,
            ListSecurityGroupPolicies];

    /// <summary>"verb resource" pairs, e.g. "list pods".</summary>
    public static IReadOnlyList<string> RbacRules { get; } = [.. Operations.Select(o => o.Name)];

    /// <summary>The API group of each resource read ("" is core/v1); the ClusterRole names the same group in its rule.</summary>
    public static IReadOnlyDictionary<string, string> RbacGroups { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pods"] = "", ["pods/log"] = "", ["events"] = "", ["nodes"] = "", ["services"] = "",
        ["daemonsets"] = "apps", ["deployments"] = "apps",
        [KubernetesCustomObjects.TargetGroupBindings] = KubernetesCustomObjects.ElbGroup,
        [KubernetesSecurityGroupPolicies.Plural] = KubernetesSecurityGroupPolicies.Group,
    };

    private static AwsOperation Operation(string verb, string resource) => new(AwsService.Kubernetes, $"{verb} {resource}", $"RBAC '{verb} {resource}'");
}
