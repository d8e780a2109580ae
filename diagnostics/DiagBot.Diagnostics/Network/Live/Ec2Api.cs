using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Network.Live;

/// <summary>The EC2 operations we call (through AWSSDK.EC2) and their IAM actions.</summary>
internal static class Ec2Api
{
    public const int MaxPages = 10;

    public static readonly AwsOperation DescribeSubnets = Operation("DescribeSubnets");
    public static readonly AwsOperation DescribeRouteTables = Operation("DescribeRouteTables");
    public static readonly AwsOperation DescribeVpcEndpoints = Operation("DescribeVpcEndpoints");
    public static readonly AwsOperation DescribeSecurityGroups = Operation("DescribeSecurityGroups");
    public static readonly AwsOperation DescribeNetworkInterfaces = Operation("DescribeNetworkInterfaces");
    public static readonly AwsOperation DescribeInstances = Operation("DescribeInstances");

    public static IReadOnlyList<AwsOperation> Operations { get; } =
        [DescribeSubnets, DescribeRouteTables, DescribeVpcEndpoints, DescribeSecurityGroups, DescribeNetworkInterfaces, DescribeInstances];

    /// <summary>EC2's filter names for an interface's private address and its VPC.</summary>
    public const string PrivateAddressFilter = "addresses.private-ip-address";
    public const string VpcFilter = "vpc-id";

    public static IReadOnlyList<string> IamActions { get; } = [.. Operations.Select(o => o.IamAction)];

    private static AwsOperation Operation(string name) => new(AwsService.Ec2, name, $"ec2:{name}");
}
