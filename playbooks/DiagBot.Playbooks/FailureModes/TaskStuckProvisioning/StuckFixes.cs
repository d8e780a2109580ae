using System.Globalization;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Ecs;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The fix steps of playbook 1, one list per sub-cause.</summary>
internal static class StuckFixes
{
    public static IReadOnlyList<string> NoFreeIps(Subnet subnet) =>
    [
        $"Free addresses in {subnet.SubnetId}: find what holds them with `aws ec2 describe-network-interfaces --filters Name=subnet-id,Values={subnet.SubnetId}` (leftover ENIs, idle Lambda or load balancer interfaces).",
        $"Or give the service more room: add subnets in other zones to its awsvpcConfiguration (a /{Prefix(subnet)} holds few tasks; each awsvpc task takes one address).",
        "Then force a new deployment so the waiting tasks are placed again.",
    ];

    public static IReadOnlyList<string> NoRoute(TaskNetworkPath network, NetworkAssessment assessment) =>
    [
        $"Either add a 0.0.0.0/0 route to a NAT gateway in route table {network.RouteTable?.RouteTableId} (private subnet {network.SubnetId}),",
        $"or create the missing VPC endpoints in {network.VpcId}: {Endpoints(network, assessment)}.",
        "Interface endpoints need private DNS on and a security group that admits 443 from the tasks; then force a new deployment.",
    ];

    public static IReadOnlyList<string> PublicIpDisabled(TaskNetworkPath network) =>
    [
        $"Set assignPublicIp to ENABLED in service {network.ServiceName}'s network configuration (`aws ecs update-service ... --network-configuration`), since subnet {network.SubnetId} only has an internet gateway route;",
        "or move the service to private subnets that route through a NAT gateway.",
    ];

    public static IReadOnlyList<string> EniTimeout() =>
    [
        "This is on AWS's side: stop the stuck task (or let the service replace it); the next attempt usually succeeds.",
        "If it repeats, check the AWS Health Dashboard for the region and spread the service over subnets in several zones.",
        "For RunTask callers (schedulers, pipelines), retry on this stoppedReason.",
    ];

    public static IReadOnlyList<string> NoInstance(string cluster) =>
    [
        $"Check the cluster's container instances (`aws ecs list-container-instances --cluster {cluster}`) and its capacity provider's Auto Scaling group activity.",
        "If the group cannot launch (instance limits, launch template, subnet capacity), fix that; the task is placed once an instance registers.",
    ];

    public static IReadOnlyList<string> Unknown() =>
    [
        "Grant the missing read permissions listed below (ec2:DescribeSubnets, ec2:DescribeRouteTables, ec2:DescribeVpcEndpoints) and diagnose again.",
        "Meanwhile check the subnet's free addresses and its 0.0.0.0/0 route with the confirm command.",
    ];

    private static string Endpoints(TaskNetworkPath network, NetworkAssessment assessment) =>
        string.Join(", ", assessment.MissingEndpoints.Select(service => EndpointStep(service, network)));

    private static string EndpointStep(string service, TaskNetworkPath network) => service == "s3"
        ? $"the S3 gateway endpoint, associated with route table {network.RouteTable?.RouteTableId}"
        : $"{service} (Interface)";

    private static string Prefix(Subnet subnet) =>
        subnet.CidrBlock is { } cidr && cidr.Contains('/', StringComparison.Ordinal) ? cidr[(cidr.IndexOf('/', StringComparison.Ordinal) + 1)..] : 24.ToString(CultureInfo.InvariantCulture);
}
