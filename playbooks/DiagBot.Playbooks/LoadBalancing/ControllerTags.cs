namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The tags the AWS Load Balancer Controller puts on every AWS resource it makes (aws-load-balancer-controller
/// pkg/deploy/tracking/provider.go): elbv2.k8s.aws/cluster with its cluster's name, then ingress.k8s.aws/stack and
/// ingress.k8s.aws/resource for an Ingress's resources, service.k8s.aws/stack and service.k8s.aws/resource for a Service's.
/// </summary>
internal static class ControllerTags
{
    public const string Cluster = "elbv2.k8s.aws/cluster";

    private static readonly string[] Keys =
        [Cluster, "ingress.k8s.aws/stack", "ingress.k8s.aws/resource", "service.k8s.aws/stack", "service.k8s.aws/resource"];

    /// <summary>Whether the controller made the resource: it always writes the cluster tag, and a stack tag beside it.</summary>
    public static bool AreControllers(IReadOnlyDictionary<string, string>? tags) =>
        tags is not null && (tags.ContainsKey(Cluster) || ControllerStack.FromTags(tags) is not null);

    /// <summary>The controller's own tags as "key=value", in the order above, for the evidence and the root cause.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> tags) =>
        string.Join(", ", Keys.Where(tags.ContainsKey).Select(k => $"{k}={tags[k]}"));
}
