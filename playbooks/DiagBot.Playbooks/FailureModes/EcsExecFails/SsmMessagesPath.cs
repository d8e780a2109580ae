using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Can the task's subnet reach Systems Manager's ssmmessages endpoint, which the ExecuteCommandAgent dials out to:
/// a default route (NAT, or an internet gateway with a public IP), or an ssmmessages interface endpoint in the VPC.
/// </summary>
internal sealed record SsmMessagesPath(bool? Reachable, string? SubnetId, string? VpcId, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<EvidenceGap> Gaps)
{
    private const string DefaultRoute = "0.0.0.0/0";

    public static async Task<SsmMessagesPath> ReadAsync(INetworkEvidence network, EcsTask task, string? assignPublicIp, CancellationToken cancellationToken)
    {
        var subnetId = task.Attachments.Select(a => a.Details.GetValueOrDefault("subnetId")).FirstOrDefault(id => !string.IsNullOrEmpty(id));
        if (subnetId is null)
        {
            // bridge or host mode on EC2: the container instance's own network decides, which DiagBot does not read.
            return new SsmMessagesPath(null, null, null, [new EvidenceItem("ecs:DescribeTasks", "task network interface", "(none: the container instance's network applies, not read)")], []);
        }

        var scope = AwsScope.FromArn(task.TaskArn);
        var subnets = await network.DescribeSubnetsAsync([subnetId], scope, cancellationToken).ConfigureAwait(false);
        if (subnets.Value?.FirstOrDefault()?.VpcId is not { } vpcId)
        {
            return new SsmMessagesPath(null, subnetId, null, [], subnets.Gap is { } gap ? [gap] : []);
        }

        var tablesRead = network.DescribeRouteTablesAsync(vpcId, scope, cancellationToken);
        var endpointsRead = network.DescribeVpcEndpointsAsync(vpcId, scope, cancellationToken);
        var (tables, endpoints) = (await tablesRead.ConfigureAwait(false), await endpointsRead.ConfigureAwait(false));
        var gaps = new[] { tables.Gap, endpoints.Gap }.OfType<EvidenceGap>().ToList();
        var evidence = new List<EvidenceItem>();

        var route = tables.Value is { } all ? RouteTable.EffectiveFor(subnetId, all)?.Routes.FirstOrDefault(IsDefaultRoute) : null;
        var outbound = tables.Value is null ? (bool?)null : route is not null && (route.GatewayId?.StartsWith("igw-", StringComparison.Ordinal) != true || assignPublicIp != "DISABLED");
        if (tables.Value is not null)
        {
            evidence.Add(new EvidenceItem("ec2:DescribeRouteTables", $"default route of subnet {subnetId}", route is null ? "(none)" : Target(route)));
        }

        var endpoint = endpoints.Value?.FirstOrDefault(e => IsSsmMessages(e, scope, task.TaskArn));
        if (endpoints.Value is not null)
        {
            evidence.Add(new EvidenceItem("ec2:DescribeVpcEndpoints", $"ssmmessages interface endpoint in {vpcId}", endpoint?.VpcEndpointId ?? "(none)"));
        }

        bool? reachable = outbound == true || endpoint is not null ? true : outbound == false && endpoints.Value is not null ? false : null;
        return new SsmMessagesPath(reachable, subnetId, vpcId, evidence, gaps);
    }

    private static bool IsDefaultRoute(Route route) =>
        route.DestinationCidrBlock == DefaultRoute && route.State is null or "active";

    private static bool IsSsmMessages(VpcEndpoint endpoint, AwsScope scope, string taskArn) =>
        endpoint.ServiceName == $"com.amazonaws.{scope.Region ?? RegionOf(taskArn)}.ssmmessages"
        && endpoint.State?.Equals("available", StringComparison.OrdinalIgnoreCase) != false
        && endpoint.PrivateDnsEnabled != false;

    private static string Target(Route route) =>
        route.NatGatewayId ?? route.GatewayId ?? route.TransitGatewayId ?? route.NetworkInterfaceId ?? route.VpcPeeringConnectionId ?? "(unknown target)";

    private static string RegionOf(string arn) => Arn.TryParse(arn, out var parsed) ? parsed.Region : string.Empty;
}
