namespace DiagBot.Diagnostics.Eks;

/// <summary>
/// The fields of eks:DescribeCluster that diagnoses read: its VPC and the security groups of the control plane's network
/// interfaces (the cluster security group EKS made, and any additional ones): the API server reaches kubelets from them on 10250.
/// </summary>
public sealed record EksCluster
{
    public required string Name { get; init; }
    public string? Status { get; init; }
    public string? Version { get; init; }
    public string? VpcId { get; init; }
    public IReadOnlyList<string> SubnetIds { get; init; } = [];
    public string? ClusterSecurityGroupId { get; init; }
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>The cluster security group first, then the additional groups, without repeats.</summary>
    public IReadOnlyList<string> ControlPlaneSecurityGroupIds =>
        [.. new[] { ClusterSecurityGroupId }.Concat(SecurityGroupIds).OfType<string>().Distinct(StringComparer.Ordinal)];
}
