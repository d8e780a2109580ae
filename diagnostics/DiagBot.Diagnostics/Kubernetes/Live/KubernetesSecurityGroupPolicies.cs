using System.Text.Json;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>
/// Reads SecurityGroupPolicy lists (vpcresources.k8s.aws/v1beta1, the VPC resource controller's CRD) from the JSON the
/// custom-objects API returns; the shape is the controller's apis/vpcresources/v1beta1 SecurityGroupPolicySpec (podSelector,
/// serviceAccountSelector, securityGroups.groupIds).
/// </summary>
internal static class KubernetesSecurityGroupPolicies
{
    public const string Group = "vpcresources.k8s.aws";
    public const string Version = "v1beta1";
    public const string Plural = "securitygrouppolicies";

    public static IReadOnlyList<KubeSecurityGroupPolicy> List(object? list) => [.. KubernetesCustomObjects.Items(list).Select(Policy)];

    private static KubeSecurityGroupPolicy Policy(JsonElement item)
    {
        var metadata = KubernetesCustomObjects.Child(item, "metadata");
        var spec = KubernetesCustomObjects.Child(item, "spec");
        var groups = KubernetesCustomObjects.Child(KubernetesCustomObjects.Child(spec, "securityGroups"), "groupIds");
        return new KubeSecurityGroupPolicy
        {
            Namespace = KubernetesCustomObjects.Text(metadata, "namespace") ?? string.Empty,
            Name = KubernetesCustomObjects.Text(metadata, "name") ?? string.Empty,
            PodSelector = Selector(KubernetesCustomObjects.Child(spec, "podSelector")),
            ServiceAccountSelector = Selector(KubernetesCustomObjects.Child(spec, "serviceAccountSelector")),
            GroupIds = groups.ValueKind == JsonValueKind.Array
                ? [.. groups.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!)]
                : [],
        };
    }

    // Absent or null is no selector; {} is the empty selector, which selects everything.
    private static KubeLabelSelector? Selector(JsonElement selector)
    {
        if (selector.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var labels = KubernetesCustomObjects.Child(selector, "matchLabels") is { ValueKind: JsonValueKind.Object } match
            ? match.EnumerateObject().Where(l => l.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(l => l.Name, l => l.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = KubernetesCustomObjects.Child(selector, "matchExpressions") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(e => new KubeLabelRequirement(
                    KubernetesCustomObjects.Text(e, "key") ?? string.Empty,
                    KubernetesCustomObjects.Text(e, "operator") ?? string.Empty,
                    KubernetesCustomObjects.Child(e, "values") is { ValueKind: JsonValueKind.Array } values
                        ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
                        : []))
                .ToList()
            : [];
        return new KubeLabelSelector(labels, expressions);
    }
}
