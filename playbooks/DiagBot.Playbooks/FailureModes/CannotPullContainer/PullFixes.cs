using DiagBot.Playbooks.Ecs;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The fix steps of playbook 2, one list per sub-cause.</summary>
internal static class PullFixes
{
    public static IReadOnlyList<string> ImageNotFound(string? image) =>
    [
        $"Check that {image ?? "the image"} was pushed: the tag (or digest) and the repository name must match exactly, in the same account and region.",
        "Push the missing tag, or point the task definition at a tag that exists and register a new revision.",
        "Prefer immutable tags (a version or a digest) over :latest, so a re-push or lifecycle policy cannot remove what a running service uses.",
    ];

    public static IReadOnlyList<string> AuthDenied(string? role, bool onEc2) =>
    [
        onEc2
            ? "Give the container instance role (the EC2 instance profile) ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer, e.g. the AmazonEC2ContainerServiceforEC2Role managed policy."
            : $"Give the execution role {role ?? "of the task definition"} ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer (the AmazonECSTaskExecutionRolePolicy managed policy has them).",
        "For a repository in another account, also allow the role in the repository policy; for a private registry outside ECR, check the repositoryCredentials secret.",
        "Then force a new deployment so the task is started again.",
    ];

    public static IReadOnlyList<string> ExecutionRoleMissing() =>
    [
        "Create or choose an execution role trusted by ecs-tasks.amazonaws.com with the AmazonECSTaskExecutionRolePolicy managed policy.",
        "Set it as executionRoleArn in a new task definition revision and update the service to it.",
    ];

    public static IReadOnlyList<string> Unreachable(TaskNetworkPath network, NetworkAssessment assessment) => assessment.Status switch
    {
        PathStatus.PublicIpDisabled =>
        [
            $"Enable assignPublicIp for service {network.ServiceName} (subnet {network.SubnetId} only has an internet gateway route), or move it to private subnets behind a NAT gateway.",
        ],
        PathStatus.Reachable =>
        [
            "The route exists: check the tasks' security group allows outbound TCP 443, the subnet's network ACL allows 443 and ephemeral return ports, and VPC DNS resolution is on.",
            "If interface endpoints exist for ECR, their security group must admit 443 from the tasks.",
        ],
        _ =>
        [
            $"Add a 0.0.0.0/0 route to a NAT gateway in route table {network.RouteTable?.RouteTableId ?? "of the task's subnet"},",
            $"or create the VPC endpoints ecr.api and ecr.dkr (Interface, private DNS on) and the S3 gateway endpoint on that route table in {network.VpcId ?? "the task's VPC"}.",
            "Then force a new deployment.",
        ],
    };

    public static IReadOnlyList<string> RateLimit(string? image) =>
    [
        $"Stop pulling {image ?? "the image"} anonymously from Docker Hub: copy it into ECR, or use an ECR pull-through cache rule for Docker Hub.",
        "Or authenticate the pulls (repositoryCredentials with a Docker Hub account) to get the authenticated rate limit.",
    ];

    public static IReadOnlyList<string> DiskFull(bool onEc2) => onEc2
        ?
        [
            "Free disk space on the container instance: prune unused images (ECS_IMAGE_CLEANUP_INTERVAL, ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION) and cap json-file logs with max-size.",
            "Or launch instances with a larger data volume.",
        ]
        :
        [
            "Raise the task's ephemeralStorage (Fargate: 21-200 GiB) or shrink the image (multi-stage build, fewer layers).",
        ];

    public static IReadOnlyList<string> Unclassified() =>
    [
        "Read the full reason with the confirm command; try the same pull from the same subnet and role (`docker pull` from an instance there).",
        "Check the image reference, the execution role's ECR permissions and the subnet's route to ECR in that order.",
    ];
}
