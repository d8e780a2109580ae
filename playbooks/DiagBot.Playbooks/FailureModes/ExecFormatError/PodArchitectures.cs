using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// The CPU architectures playbook 14 weighs on EKS, in Kubernetes' names (amd64, arm64): the node's, read from its
/// kubernetes.io/arch label (or status.nodeInfo.architecture), and the image's, inferred from its reference or from a pod
/// of the same image running and ready on a node of another architecture.
/// </summary>
internal sealed record PodArchitectures(string? Node, string? Image, string? How, SeenElsewhere? Elsewhere)
{
    /// <summary>The well-known label the kubelet sets from its own GOARCH (Kubernetes' "Well-Known Labels, Annotations and Taints").</summary>
    public const string ArchLabel = "kubernetes.io/arch";

    public static PodArchitectures Read(KubePod pod, string nodeName, string image, IReadOnlyList<KubeNode>? nodes, IReadOnlyList<KubePod>? pods)
    {
        var archOf = (nodes ?? []).DistinctBy(n => n.Name).ToDictionary(n => n.Name, Architecture, StringComparer.Ordinal);
        var runs = archOf.GetValueOrDefault(nodeName);
        if (KubernetesName(ImageArchitecture.NamedBy(image)) is { } named)
        {
            return new PodArchitectures(runs, named, "named by its reference", null);
        }

        // A multi-arch image would run on both: running on one architecture and refused on the other, it has only the first.
        var seen = (pods ?? [])
            .Where(p => p.Name != pod.Name && RunsImage(p, image))
            .Select(p => (p, Arch: p.NodeName is { } n ? archOf.GetValueOrDefault(n) : null))
            .Where(x => x.Arch is not null && x.Arch != runs)
            .Select(x => new SeenElsewhere(x.p.Name, x.p.NodeName!, x.Arch!))
            .FirstOrDefault();
        return seen is null
            ? new PodArchitectures(runs, null, null, null)
            : new PodArchitectures(runs, seen.Architecture, $"pod {seen.Pod} runs it on {seen.Architecture} node {seen.Node}", seen);
    }

    private static bool RunsImage(KubePod pod, string image) =>
        pod.Containers.Where(c => c.Image == image)
            .Any(c => pod.ContainerStatuses.Any(s => s.Name == c.Name && s.Running && s.Ready));

    private static string? Architecture(KubeNode node) => node.Labels.GetValueOrDefault(ArchLabel) ?? node.Architecture;

    private static string? KubernetesName(string? ecsName) => ecsName switch
    {
        ImageArchitecture.X86 => "amd64",
        ImageArchitecture.Arm => "arm64",
        _ => null,
    };
}

/// <summary>A pod running the same image, ready, on a node of another architecture than the failing pod's.</summary>
internal sealed record SeenElsewhere(string Pod, string Node, string Architecture);
