namespace DiagBot.Sandbox.Kubernetes;

/// <summary>A resource type the simulated API server serves, as discovery describes it.</summary>
internal sealed record KubeResource(string Group, string Version, string Plural, string Singular, string Kind, bool Namespaced, IReadOnlyList<string> ShortNames)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static KubeResource Pods { get; } = new("", "v1", "pods", "pod", "Pod", true, ["po"]);

    public static KubeResource Events { get; } = new("", "v1", "events", "event", "Event", true, ["ev"]);

    public static KubeResource Nodes { get; } = new("", "v1", "nodes", "node", "Node", false, ["no"]);

    public static KubeResource Namespaces { get; } = new("", "v1", "namespaces", "namespace", "Namespace", false, ["ns"]);

    public static KubeResource DaemonSets { get; } = new("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, ["ds"]);

    public static KubeResource Deployments { get; } = new("apps", "v1", "deployments", "deployment", "Deployment", true, ["deploy"]);

    public static KubeResource Services { get; } = new("", "v1", "services", "service", "Service", true, ["svc"]);

    /// <summary>
    /// The AWS Load Balancer Controller's CRD (config/crd/bases/elbv2.k8s.aws_targetgroupbindings.yaml): served from
    /// elbv2.k8s.aws/v1beta1, with no short names.
    /// </summary>
    public static KubeResource TargetGroupBindings { get; } = new("elbv2.k8s.aws", "v1beta1", "targetgroupbindings", "targetgroupbinding", "TargetGroupBinding", true, []);

    /// <summary>
    /// The VPC resource controller's CRD (amazon-vpc-resource-controller-k8s config/crd/bases/vpcresources.k8s.aws_securitygrouppolicies.yaml):
    /// served from vpcresources.k8s.aws/v1beta1, namespaced, short name sgp.
    /// </summary>
    public static KubeResource SecurityGroupPolicies { get; } =
        new("vpcresources.k8s.aws", "v1beta1", "securitygrouppolicies", "securitygrouppolicy", "SecurityGroupPolicy", true, ["sgp"]);

    public static IReadOnlyList<KubeResource> All { get; } =
        [Pods, Events, Nodes, Namespaces, Services, DaemonSets, Deployments, TargetGroupBindings, SecurityGroupPolicies];
}
