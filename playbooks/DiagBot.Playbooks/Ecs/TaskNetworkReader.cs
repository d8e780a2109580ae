using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Ecs;

/// <summary>Reads a task's network path: its subnet, the subnet's route table, the VPC's endpoints and the service's assignPublicIp.</summary>
internal static partial class TaskNetworkReader
{
    /// <summary>
    /// An early read for the modes that follow a task's network path from its subnet (1, 2, 3 and 15): the subnet of a
    /// task that never started (why it could not) or still runs (why ECS Exec cannot reach it).
    /// </summary>
    public static Task SubnetEarlyAsync(IEvidenceSource evidence, EcsTask task, CancellationToken cancellationToken) =>
        SubnetOf(task) is { } subnet && (task.StartedAt is null || task.StoppedAt is null)
            ? SubnetAsync(evidence, task, subnet, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// The one DescribeSubnets question about a task's subnet. Triage, the early reads and the path ask it through here,
    /// in the task's own account and region, so the session cache answers them all with one call.
    /// </summary>
    public static Task<EvidenceResult<IReadOnlyList<Subnet>>> SubnetAsync(
        IEvidenceSource evidence, EcsTask task, string subnetId, CancellationToken cancellationToken) =>
        evidence.Network.DescribeSubnetsAsync([subnetId], AwsScope.FromArn(task.TaskArn), cancellationToken);

    public static Task<TaskNetworkPath> ReadAsync(DiagnosisContext context, EcsTask task, CancellationToken cancellationToken) =>
        ReadAsync(context.Evidence, task, cancellationToken);

    public static async Task<TaskNetworkPath> ReadAsync(IEvidenceSource source, EcsTask task, CancellationToken cancellationToken)
    {
        var evidence = new List<EvidenceItem>();
        var missing = new List<EvidenceGap>();
        var scope = AwsScope.FromArn(task.TaskArn);
        var serviceName = ServiceScope.ServiceNameOf(task);

        var serviceRead = serviceName is null
            ? Task.FromResult<EvidenceResult<EcsService>?>(null)
            : ReadServiceAsync(source, task, serviceName, cancellationToken);
        var attachedSubnet = SubnetOf(task);
        var subnetsRead = attachedSubnet is null ? null : SubnetAsync(source, task, attachedSubnet, cancellationToken);

        var service = await serviceRead.ConfigureAwait(false);
        var network = Collect(service, missing)?.NetworkConfiguration;
        if (network is not null)
        {
            evidence.Add(new("ecs:DescribeServices", $"service {serviceName} assignPublicIp", network.AssignPublicIp ?? "(not set: DISABLED)"));
        }

        var subnetId = attachedSubnet ?? network?.Subnets.FirstOrDefault();
        subnetsRead ??= subnetId is null ? null : SubnetAsync(source, task, subnetId, cancellationToken);
        var subnet = subnetsRead is null ? null : Collect(await subnetsRead.ConfigureAwait(false), missing)?.FirstOrDefault(s => s.SubnetId == subnetId);
        if (subnet is not null)
        {
            evidence.Add(new("ec2:DescribeSubnets", $"subnet {subnet.SubnetId} free IP addresses", subnet.AvailableIpAddressCount?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)"));
        }

        var vpcId = subnet?.VpcId ?? await VpcFromSecurityGroupsAsync(source, network, scope, missing, cancellationToken).ConfigureAwait(false);
        if (vpcId is null || subnetId is null)
        {
            return new TaskNetworkPath { SubnetId = subnetId, Subnet = subnet, ServiceNetwork = network, ServiceName = serviceName, Evidence = evidence, Missing = missing };
        }

        var tablesRead = source.Network.DescribeRouteTablesAsync(vpcId, scope, cancellationToken);
        var endpointsRead = source.Network.DescribeVpcEndpointsAsync(vpcId, scope, cancellationToken);
        var tables = Collect(await tablesRead.ConfigureAwait(false), missing);
        var endpoints = Collect(await endpointsRead.ConfigureAwait(false), missing);
        var table = tables is null ? null : RouteTable.EffectiveFor(subnetId, tables);
        var path = new TaskNetworkPath
        {
            SubnetId = subnetId,
            VpcId = vpcId,
            Subnet = subnet,
            RouteTable = table,
            Endpoints = endpoints,
            ServiceNetwork = network,
            ServiceName = serviceName,
        };
        if (table is not null)
        {
            evidence.Add(new("ec2:DescribeRouteTables", $"default route of {table.RouteTableId} (subnet {subnetId})", TaskNetworkPath.Describe(path.DefaultRouteEntry)));
        }

        if (endpoints is not null)
        {
            var names = endpoints.Select(e => $"{e.ServiceName} ({e.VpcEndpointType})").ToList();
            evidence.Add(new("ec2:DescribeVpcEndpoints", $"VPC endpoints in {vpcId}", names.Count == 0 ? "(none)" : string.Join(", ", names)));
        }

        return path with { Evidence = evidence, Missing = missing };
    }

    private static async Task<EvidenceResult<EcsService>?> ReadServiceAsync(IEvidenceSource source, EcsTask task, string serviceName, CancellationToken cancellationToken) =>
        await source.Ecs.DescribeServiceAsync(task.ClusterArn, serviceName, cancellationToken).ConfigureAwait(false);

    /// <summary>The subnet of the task's network interface, or the one ECS names in the stoppedReason; null for neither.</summary>
    public static string? SubnetOf(EcsTask task) =>
        task.Attachments.Select(a => a.Details.TryGetValue("subnetId", out var id) ? id : null).FirstOrDefault(id => !string.IsNullOrEmpty(id))
        ?? SubnetNamedIn(task.StoppedReason);

    // ECS names the subnet it could not create the ENI in ("Unexpected EC2 error while attempting to Create Network Interface
    // ... in subnet 'subnet-...'", docs: failed-to-start-error.html); a service with several subnets leaves no other clue.
    private static string? SubnetNamedIn(string? stoppedReason) =>
        stoppedReason is not null && SubnetInReason().Match(stoppedReason) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"\bsubnet\W{1,3}(subnet-[0-9a-f]{8,17})\b", RegexOptions.CultureInvariant)]
    private static partial Regex SubnetInReason();

    // Without the subnet, the service's security groups still name the VPC whose routes and endpoints matter.
    private static async Task<string?> VpcFromSecurityGroupsAsync(
        IEvidenceSource source, EcsAwsVpcConfiguration? network, AwsScope scope, List<EvidenceGap> missing, CancellationToken cancellationToken)
    {
        if (network is not { SecurityGroups.Count: > 0 })
        {
            return null;
        }

        var groups = await source.Network.DescribeSecurityGroupsAsync(network.SecurityGroups, scope, cancellationToken).ConfigureAwait(false);
        return Collect(groups, missing)?.Select(g => g.VpcId).FirstOrDefault(id => id is not null);
    }

    private static T? Collect<T>(EvidenceResult<T>? result, List<EvidenceGap> missing)
        where T : class
    {
        if (result?.Gap is { } gap)
        {
            missing.Add(gap);
        }

        return result?.Value;
    }
}
