namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>
/// An EC2 instance as DescribeInstances reports it (API 2016-11-15, Instance): a node's host. Lifecycle is "spot" for a
/// Spot Instance and absent for On-Demand; a reclaimed Spot Instance stays visible for about an hour in state
/// "terminated" with stateReason Server.SpotInstanceTermination ("Spot instance termination"), per the EC2 API
/// Reference's StateReason.
/// </summary>
internal sealed record Ec2Instance(
    string InstanceId, string InstanceType, string SubnetId, string VpcId, string PrivateIpAddress, string AvailabilityZone,
    IReadOnlyList<string> GroupIds, DateTimeOffset LaunchTime, string Architecture = "x86_64", string? Lifecycle = null,
    string State = "running", string? StateReasonCode = null, string? StateReasonMessage = null);
