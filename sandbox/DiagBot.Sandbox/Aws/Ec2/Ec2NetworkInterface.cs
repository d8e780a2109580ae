namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>
/// An elastic network interface as DescribeNetworkInterfaces (2016-11-15) describes it. The sandbox holds only the
/// interfaces ECS creates for awsvpc tasks (TaskNetworkInterfaces derives them from the tasks).
/// </summary>
internal sealed record Ec2NetworkInterface(
    string NetworkInterfaceId,
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    string PrivateIpAddress,
    string MacAddress,
    string Description,
    IReadOnlyList<(string Key, string Value)> Tags);
