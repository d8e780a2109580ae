using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// The fix steps of playbook 2 on EKS, one list per kind. The kubelet pulls with the node's credentials: from ECR through
/// the node role (the EKS user guide's node IAM role needs AmazonEC2ContainerRegistryReadOnly), elsewhere through the
/// pod's imagePullSecrets; over the node subnet's route or the VPC's ECR endpoints.
/// </summary>
internal static class PodPullFixes
{
    private const string EcrHost = ".dkr.ecr.";

    public static IReadOnlyList<string> For(PullFailureKind kind, string? image, KubePod pod)
    {
        var owner = pod.Owner is { Kind: "ReplicaSet" } rs ? $"deployment {rs.Name[..Math.Max(0, rs.Name.LastIndexOf('-'))]}" : $"the owner of pod {pod.Name}";
        var ecr = image?.Contains(EcrHost, StringComparison.Ordinal) == true;
        return kind switch
        {
            PullFailureKind.ImageNotFound or PullFailureKind.AuthOrNotFound =>
            [
                $"Check that {image ?? "the image"} exists: the repository and the tag (or digest) must match exactly"
                + (ecr && EcrReference(image!) is var (repository, tag)
                    ? $", in the registry's account and region (aws ecr describe-images --repository-name {repository} --image-ids imageTag={tag})."
                    : "."),
                $"Push the missing tag, or set {owner}'s image to one that exists (kubectl set image); the kubelet retries the pull by itself.",
            ],
            PullFailureKind.AuthDenied when ecr =>
            [
                "Attach AmazonEC2ContainerRegistryReadOnly (arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly) to the node group's IAM role: "
                + $"the kubelet on {pod.NodeName ?? "the node"} pulls from ECR with it.",
                "If the repository has a repository policy, or lives in another account, allow that role there: a Deny for it wins over any Allow.",
            ],
            PullFailureKind.AuthDenied =>
            [
                $"Create a docker-registry secret with the registry's credentials in namespace {pod.Namespace} (kubectl create secret docker-registry) "
                + "and name it in the pod's imagePullSecrets, or in its service account's.",
            ],
            PullFailureKind.Network =>
            [
                $"Give the subnet of {pod.NodeName ?? "the node"} a way to the registry: a 0.0.0.0/0 route to a NAT gateway, or, for ECR, the VPC endpoints "
                + "com.amazonaws.<region>.ecr.api and ecr.dkr (Interface, private DNS on) and the S3 gateway endpoint (image layers) on its route table.",
                "Check the node's security groups and the subnet's network ACL allow outbound 443 (and the endpoints' security group admits it).",
            ],
            PullFailureKind.RateLimit =>
            [
                $"Stop pulling {image ?? "the image"} anonymously from Docker Hub: copy it into ECR, or use an ECR pull-through cache rule.",
                "Or pull with an authenticated account through an imagePullSecret, which has the higher rate limit.",
            ],
            PullFailureKind.DiskFull =>
            [
                $"Free disk on {pod.NodeName ?? "the node"}: the kubelet's image garbage collection (imageGCHighThresholdPercent) or a larger root volume "
                + "in the node group's launch template; shrink the image.",
            ],
            _ =>
            [
                "Read the kubelet's \"Failed to pull image\" event with the confirm command: it says not found, denied (401/403) or a timeout.",
                "Check the image reference, the node role's ECR permissions (or the pull secret) and the node subnet's route to the registry, in that order.",
            ],
        };
    }

    // "123456789012.dkr.ecr.us-east-1.amazonaws.com/reviews-api:2.8.0" is repository reviews-api, tag 2.8.0.
    private static (string Repository, string Tag) EcrReference(string image)
    {
        var path = image[(image.IndexOf('/', StringComparison.Ordinal) + 1)..].Split('@')[0];
        var colon = path.LastIndexOf(':');
        return colon < 0 ? (path, "latest") : (path[..colon], path[(colon + 1)..]);
    }
}
