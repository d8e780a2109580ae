namespace DiagBot.Playbooks.Ecs;

/// <summary>
/// What a Fargate task on platform 1.4.0 reaches through its own ENI to start, as endpoint suffixes for
/// <see cref="TaskNetworkPath.Assess"/>: ECR's two interface endpoints and the S3 gateway for an image from ECR
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html), and CloudWatch Logs
/// for the awslogs driver. Triage and playbooks 1 and 2 read the path against the same list.
/// </summary>
internal static class TaskEndpoints
{
    public static IReadOnlyList<string> ImagePull { get; } = ["ecr.api", "ecr.dkr", "s3"];

    public static IReadOnlyList<string> Startup { get; } = [.. ImagePull, "logs"];
}
