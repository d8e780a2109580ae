using DiagBot.Diagnostics.AuditTrail.Live;
using DiagBot.Diagnostics.Ecs.Live;
using DiagBot.Diagnostics.Eks.Live;
using DiagBot.Diagnostics.Kubernetes.Live;
using DiagBot.Diagnostics.LoadBalancing.Live;
using DiagBot.Diagnostics.Logs.Live;
using DiagBot.Diagnostics.Metrics.Live;
using DiagBot.Diagnostics.Network.Live;

namespace DiagBot.Diagnostics;

/// <summary>
/// Every IAM action the live clients can call, gathered from the lists beside each client; the deploy IAM
/// policy must grant exactly these (read-only) actions.
/// </summary>
public static class EvidenceIamActions
{
    /// <summary>Needed on the bot's own role to reach accounts configured with a RoleArn.</summary>
    public const string AssumeRole = "sts:AssumeRole";

    public static IReadOnlyList<string> All { get; } =
    [
        .. EcsApi.IamActions,
        .. ElbApi.IamActions,
        .. LogsApi.IamActions,
        .. CloudTrailApi.IamActions,
        .. Ec2Api.IamActions,
        .. EksApi.IamActions,
        .. CloudWatchApi.IamActions,
        AssumeRole,
    ];

    /// <summary>The Kubernetes reads, as "verb resource" (e.g. "list pods"); the deploy ClusterRole grants exactly these.</summary>
    public static IReadOnlyList<string> KubernetesRbacRules => KubernetesApi.RbacRules;

    /// <summary>The API group of each resource in <see cref="KubernetesRbacRules"/> ("" for core/v1, "apps", "elbv2.k8s.aws").</summary>
    public static IReadOnlyDictionary<string, string> KubernetesRbacGroups => KubernetesApi.RbacGroups;
}
