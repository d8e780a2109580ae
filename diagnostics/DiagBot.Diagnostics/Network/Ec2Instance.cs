namespace DiagBot.Diagnostics.Network;

/// <summary>
/// The fields of an EC2 instance (a Kubernetes node) that diagnoses read: where it sits (subnet, security groups), what it
/// is (architecture, Spot or On-Demand: InstanceLifecycle "spot", absent for On-Demand), and what happened to it
/// (State "shutting-down"/"terminated", StateReason "Server.SpotInstanceTermination: Spot instance termination").
/// </summary>
public sealed record Ec2Instance
{
    public required string InstanceId { get; init; }
    public string? InstanceType { get; init; }
    public string? SubnetId { get; init; }
    public string? VpcId { get; init; }
    public string? PrivateIpAddress { get; init; }

    /// <summary>x86_64, arm64 (EC2's names; Kubernetes says amd64, arm64).</summary>
    public string? Architecture { get; init; }
    public string? InstanceLifecycle { get; init; }
    public string? State { get; init; }
    public string? StateReasonCode { get; init; }
    public string? StateReasonMessage { get; init; }
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    public bool IsSpot => string.Equals(InstanceLifecycle, "spot", StringComparison.Ordinal);
}
