namespace DiagBot.Diagnostics.Network;

/// <summary>
/// An elastic network interface as DescribeNetworkInterfaces returns it. An awsvpc task's interface is created by
/// ECS (RequesterManaged, Description "arn:aws:ecs:...:attachment/&lt;id&gt;", the task's attachment) and, when the
/// service has ECS managed tags on, tagged aws:ecs:clusterName and aws:ecs:serviceName. A pod with security groups of
/// its own has a branch interface (InterfaceType "branch") carrying them, associated with its node's trunk interface.
/// </summary>
public sealed record NetworkInterface(
    string NetworkInterfaceId,
    string? PrivateIpAddress,
    string? Description,
    string? RequesterId,
    bool? RequesterManaged,
    string? InterfaceType,
    IReadOnlyDictionary<string, string> Tags)
{
    public const string ClusterTag = "aws:ecs:clusterName";
    public const string ServiceTag = "aws:ecs:serviceName";

    /// <summary>The interface's security groups (the wire's groupSet, EC2 API reference NetworkInterface): what decides traffic to it.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>The ECS cluster and service that own it, when ECS tagged it.</summary>
    public (string Cluster, string Service)? EcsService =>
        Tags.TryGetValue(ClusterTag, out var cluster) && Tags.TryGetValue(ServiceTag, out var service) ? (cluster, service) : null;
}
