namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>
/// An elastic network interface as DescribeNetworkInterfaces (2016-11-15) describes it: those ECS creates for awsvpc tasks
/// (TaskNetworkInterfaces derives them from the tasks), and those seeded in Ec2State, such as the trunk interface the VPC
/// resource controller attaches to a node and the branch interface it gives a pod with security groups of its own
/// (amazon-vpc-resource-controller-k8s: descriptions aws-k8s-trunk-eni and aws-k8s-branch-eni, interface types trunk and
/// branch; a branch is associated with the trunk by VLAN, not attached to the instance).
/// </summary>
internal sealed record Ec2NetworkInterface(
    string NetworkInterfaceId,
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    string PrivateIpAddress,
    string MacAddress,
    string Description,
    IReadOnlyList<(string Key, string Value)> Tags)
{
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    public string InterfaceType { get; init; } = "interface";

    public bool RequesterManaged { get; init; } = true;

    /// <summary>The instance it is attached to and at which device index; null for a branch interface, which is never attached.</summary>
    public (string? InstanceId, int DeviceIndex)? Attachment { get; init; } = (null, 1);
}
