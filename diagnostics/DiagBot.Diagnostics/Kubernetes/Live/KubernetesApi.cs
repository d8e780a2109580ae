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
    public static readonly AwsOperation GetPodLog = Operation("get", "pods/log");
    public static readonly AwsOperation GetDeployment = Operation("get", "deployments");

    public static IReadOnlyList<AwsOperation> Operations { get; } = [GetPod, ListPods, ListEvents, WatchEvents, ListNodes, GetDaemonSet, GetPodLog, GetDeployment];

    /// <summary>"verb resource" pairs, e.g. "list pods".</summary>
    public static IReadOnlyList<string> RbacRules { get; } = [.. Operations.Select(o => o.Name)];

    private static AwsOperation Operation(string verb, string resource) => new(AwsService.Kubernetes, $"{verb} {resource}", $"RBAC '{verb} {resource}'");
}
