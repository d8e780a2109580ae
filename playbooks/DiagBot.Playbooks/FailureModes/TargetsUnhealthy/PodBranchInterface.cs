using System.Text.Json;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// A pod's own branch interface, when it has security groups of its own. The VPC resource controller writes the pod's
/// vpc.amazonaws.com/pod-eni annotation as a JSON array of the branch interfaces it made for the pod
/// (amazon-vpc-resource-controller-k8s pkg/provider/branch/trunk/trunk.go, ENIDetails: eniId, ifAddress, privateIp,
/// vlanId, subnetCidr), e.g. [{"eniId":"eni-0d8a...","ifAddress":"06:20:...","privateIp":"192.168.47.64","vlanId":1,
/// "subnetCidr":"192.168.32.0/19"}] as `kubectl describe pod` shows it in the EKS Workshop's security groups per pod chapter. It is read
/// by that id; an annotation that does not parse is looked up by the pod's IP in its node's VPC instead.
/// </summary>
internal static class PodBranchInterface
{
    public const string Annotation = "vpc.amazonaws.com/pod-eni";

    /// <summary>Whether the pod has security groups of its own: its traffic then goes through its branch interface, not its node's.</summary>
    public static bool Has(KubePod pod) => pod.Annotations.ContainsKey(Annotation);

    /// <summary>The first branch interface's id the annotation names, or null when it names none or does not parse.</summary>
    public static string? IdOf(KubePod pod)
    {
        if (!pod.Annotations.TryGetValue(Annotation, out var json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("eniId", out var id) && id.ValueKind == JsonValueKind.String
                        ? id.GetString() : null)
                    .FirstOrDefault(id => id?.StartsWith("eni-", StringComparison.Ordinal) == true)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The branch interface: by its id when the annotation names it (a question triage asks early, beside the node's
    /// instance), else by the pod's IP in the VPC of its node's instance, once <paramref name="instance"/> answers.
    /// </summary>
    public static Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> ReadAsync(IEvidenceSource evidence, AwsScope scope, KubePod pod,
        Task<EvidenceResult<IReadOnlyList<Ec2Instance>>>? instance, CancellationToken cancellationToken) =>
        IdOf(pod) is { } id
            ? evidence.Network.DescribeNetworkInterfacesAsync([id], scope, cancellationToken)
            : ByAddressAsync(evidence, scope, pod, instance, cancellationToken);

    private static async Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> ByAddressAsync(IEvidenceSource evidence, AwsScope scope, KubePod pod,
        Task<EvidenceResult<IReadOnlyList<Ec2Instance>>>? instance, CancellationToken cancellationToken)
    {
        var vpc = instance is null ? null : (await instance.ConfigureAwait(false)).Value?.FirstOrDefault()?.VpcId;
        return pod.PodIp is { } ip && vpc is not null
            ? await evidence.Network.DescribeNetworkInterfacesByAddressAsync([ip], vpc, scope, cancellationToken).ConfigureAwait(false)
            : EvidenceResult<IReadOnlyList<NetworkInterface>>.Missing(new EvidenceGap("ec2", "DescribeNetworkInterfaces", GapReason.InvalidRequest,
                $"pod {pod.Namespace}/{pod.Name}'s {Annotation} annotation names no branch interface, and its IP or its node's VPC is not known"));
    }
}
