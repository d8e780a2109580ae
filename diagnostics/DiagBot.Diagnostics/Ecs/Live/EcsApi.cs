using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Ecs.Live;

/// <summary>The ECS operations we call, their JSON 1.1 target prefix and IAM actions.</summary>
internal static class EcsApi
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";

    /// <summary>DescribeTasks answers this failure reason for a task the cluster does not know.</summary>
    public const string MissingReason = "MISSING";

    public static readonly AwsOperation DescribeTasks = new(AwsService.Ecs, "DescribeTasks", "ecs:DescribeTasks");
    public static readonly AwsOperation DescribeTaskDefinition = new(AwsService.Ecs, "DescribeTaskDefinition", "ecs:DescribeTaskDefinition");

    public static readonly AwsOperation ListTasks = new(AwsService.Ecs, "ListTasks", "ecs:ListTasks");
    public static readonly AwsOperation DescribeServices = new(AwsService.Ecs, "DescribeServices", "ecs:DescribeServices");
    public static readonly AwsOperation DescribeContainerInstances = new(AwsService.Ecs, "DescribeContainerInstances", "ecs:DescribeContainerInstances");
    public static readonly AwsOperation ListClusters = new(AwsService.Ecs, "ListClusters", "ecs:ListClusters");
    public static readonly AwsOperation ListServices = new(AwsService.Ecs, "ListServices", "ecs:ListServices");

    /// <summary>ListTasks, ListClusters and ListServices return at most 100 ARNs a page.</summary>
    public const int MaxListResults = 100;

    public const int MaxPages = 10;

    public static IReadOnlyList<AwsOperation> Operations { get; } =
        [DescribeTasks, DescribeTaskDefinition, ListTasks, DescribeServices, DescribeContainerInstances, ListClusters, ListServices];

    public static IReadOnlyList<string> IamActions { get; } = [.. Operations.Select(o => o.IamAction)];

    /// <summary>A cluster as configured (name or ARN) to the name DescribeTasks accepts and ARNs carry.</summary>
    public static string ClusterName(string cluster) => cluster[(cluster.LastIndexOf('/') + 1)..];
}
