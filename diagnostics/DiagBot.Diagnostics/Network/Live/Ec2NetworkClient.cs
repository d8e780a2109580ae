using Amazon.EC2;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using Sdk = Amazon.EC2.Model;

namespace DiagBot.Diagnostics.Network.Live;

/// <summary>INetworkEvidence over AWSSDK.EC2, for one diagnosis session; every page goes through the call guard.</summary>
internal sealed class Ec2NetworkClient(Ec2ClientFactory clients, AwsCallGuard guard, EvidenceScope scope, AwsLocations locations) : INetworkEvidence
{
    public Task<EvidenceResult<IReadOnlyList<Subnet>>> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, AwsScope where, CancellationToken cancellationToken) =>
        NoIds<Subnet>(Ec2Api.DescribeSubnets, subnetIds, "subnet") ?? PagedAsync<Subnet>(Ec2Api.DescribeSubnets, where, string.Join(",", subnetIds), cancellationToken, async (ec2, token, next) =>
        {
            var page = await ec2.DescribeSubnetsAsync(new Sdk.DescribeSubnetsRequest { SubnetIds = [.. subnetIds], NextToken = next }, token).ConfigureAwait(false);
            return ([.. (page.Subnets ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
        });

    public Task<EvidenceResult<IReadOnlyList<RouteTable>>> DescribeRouteTablesAsync(string vpcId, AwsScope where, CancellationToken cancellationToken) =>
        PagedAsync<RouteTable>(Ec2Api.DescribeRouteTables, where, vpcId, cancellationToken, async (ec2, token, next) =>
        {
            var page = await ec2.DescribeRouteTablesAsync(new Sdk.DescribeRouteTablesRequest { Filters = [VpcFilter(vpcId)], NextToken = next }, token).ConfigureAwait(false);
            return ([.. (page.RouteTables ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
        });

    public Task<EvidenceResult<IReadOnlyList<VpcEndpoint>>> DescribeVpcEndpointsAsync(string vpcId, AwsScope where, CancellationToken cancellationToken) =>
        PagedAsync<VpcEndpoint>(Ec2Api.DescribeVpcEndpoints, where, vpcId, cancellationToken, async (ec2, token, next) =>
        {
            var page = await ec2.DescribeVpcEndpointsAsync(new Sdk.DescribeVpcEndpointsRequest { Filters = [VpcFilter(vpcId)], NextToken = next }, token).ConfigureAwait(false);
            return ([.. (page.VpcEndpoints ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
        });

    public Task<EvidenceResult<IReadOnlyList<SecurityGroup>>> DescribeSecurityGroupsAsync(IReadOnlyList<string> groupIds, AwsScope where, CancellationToken cancellationToken) =>
        NoIds<SecurityGroup>(Ec2Api.DescribeSecurityGroups, groupIds, "security group") ?? PagedAsync<SecurityGroup>(Ec2Api.DescribeSecurityGroups, where, string.Join(",", groupIds), cancellationToken, async (ec2, token, next) =>
        {
            var page = await ec2.DescribeSecurityGroupsAsync(new Sdk.DescribeSecurityGroupsRequest { GroupIds = [.. groupIds], NextToken = next }, token).ConfigureAwait(false);
            return ([.. (page.SecurityGroups ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
        });

    public Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> DescribeNetworkInterfacesByAddressAsync(
        IReadOnlyList<string> privateIps, string vpcId, AwsScope where, CancellationToken cancellationToken) =>
        NoIds<NetworkInterface>(Ec2Api.DescribeNetworkInterfaces, privateIps, "private IP") ?? PagedAsync<NetworkInterface>(Ec2Api.DescribeNetworkInterfaces, where, $"{vpcId}:{string.Join(",", privateIps)}", cancellationToken, async (ec2, token, next) =>
        {
            var request = new Sdk.DescribeNetworkInterfacesRequest
            {
                Filters = [VpcFilter(vpcId), new Sdk.Filter { Name = Ec2Api.PrivateAddressFilter, Values = [.. privateIps] }],
                NextToken = next,
            };
            var page = await ec2.DescribeNetworkInterfacesAsync(request, token).ConfigureAwait(false);
            return ([.. (page.NetworkInterfaces ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
        });

    /// <summary>By id, without MaxResults: EC2 refuses NetworkInterfaceId.N and MaxResults in one request (DescribeNetworkInterfaces, MaxResults).</summary>
    public Task<EvidenceResult<IReadOnlyList<NetworkInterface>>> DescribeNetworkInterfacesAsync(
        IReadOnlyList<string> networkInterfaceIds, AwsScope where, CancellationToken cancellationToken) =>
        NoIds<NetworkInterface>(Ec2Api.DescribeNetworkInterfaces, networkInterfaceIds, "network interface")
            ?? PagedAsync<NetworkInterface>(Ec2Api.DescribeNetworkInterfaces, where, $"id={string.Join(",", networkInterfaceIds)}", cancellationToken,
            async (ec2, token, next) =>
            {
                var request = new Sdk.DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [.. networkInterfaceIds], NextToken = next };
                var page = await ec2.DescribeNetworkInterfacesAsync(request, token).ConfigureAwait(false);
                return ([.. (page.NetworkInterfaces ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
            });

    public Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> DescribeInstancesAsync(IReadOnlyList<string> instanceIds, AwsScope where, CancellationToken cancellationToken) =>
        NoIds<Ec2Instance>(Ec2Api.DescribeInstances, instanceIds, "instance") ?? PagedAsync<Ec2Instance>(Ec2Api.DescribeInstances, where, string.Join(",", instanceIds), cancellationToken, async (ec2, token, next) =>
        {
            var page = await ec2.DescribeInstancesAsync(new Sdk.DescribeInstancesRequest { InstanceIds = [.. instanceIds], NextToken = next }, token).ConfigureAwait(false);
            return ([.. (page.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
        });

    public Task<EvidenceResult<IReadOnlyList<Ec2Instance>>> DescribeInstancesByPrivateIpAsync(string privateIp, AwsScope where, CancellationToken cancellationToken) =>
        NoIds<Ec2Instance>(Ec2Api.DescribeInstances, [privateIp], "private IP") ?? PagedAsync<Ec2Instance>(Ec2Api.DescribeInstances, where, $"ip={privateIp}", cancellationToken, async (ec2, token, next) =>
        {
            var request = new Sdk.DescribeInstancesRequest { Filters = [new() { Name = "private-ip-address", Values = [privateIp] }], NextToken = next };
            var page = await ec2.DescribeInstancesAsync(request, token).ConfigureAwait(false);
            return ([.. (page.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(Ec2Mapper.ToModel)], page.NextToken);
        });

    // Without ids these Describe calls mean "every one in the region": an answer about other resources, never evidence
    // about the one asked for. No call is made; the caller reports the gap.
    private static Task<EvidenceResult<IReadOnlyList<T>>>? NoIds<T>(AwsOperation operation, IReadOnlyList<string> ids, string what)
        where T : class =>
        ids.Any(id => !string.IsNullOrWhiteSpace(id))
            ? null
            : Task.FromResult(EvidenceResult<IReadOnlyList<T>>.Missing(new EvidenceGap(
                operation.Service.Key, operation.Name, GapReason.InvalidRequest, $"no {what} id to describe: the {what} is not known, so it was not read")));

    private static Sdk.Filter VpcFilter(string vpcId) => new() { Name = Ec2Api.VpcFilter, Values = [vpcId] };

    private Task<EvidenceResult<IReadOnlyList<T>>> PagedAsync<T>(
        AwsOperation operation, AwsScope where, string what, CancellationToken cancellationToken,
        Func<IAmazonEC2, CancellationToken, string?, Task<(List<T> Items, string? Next)>> fetch)
        where T : class
    {
        var target = locations.Resolve(where.AccountId, where.Region);
        return scope.GetOrLoadAsync($"ec2:{operation.Name}:{target}:{what}", operation.Service.Key, operation.Name, async () =>
        {
            var ec2 = clients.For(target);
            var items = new List<T>();
            string? next = null;
            for (var page = 0; page < Ec2Api.MaxPages; page++)
            {
                var token = next;
                var result = await guard.RunAsync(operation, target, scope.Budget, CancellationToken.None, async t =>
                {
                    var (pageItems, pageNext) = await fetch(ec2, t, token).ConfigureAwait(false);
                    return EvidenceResult<Ec2Page<T>>.Found(new Ec2Page<T>(pageItems, pageNext));
                }).ConfigureAwait(false);
                if (result.Value is not { } found)
                {
                    return EvidenceResult<IReadOnlyList<T>>.Missing(result.Gap!);
                }

                items.AddRange(found.Items);
                next = found.Next;
                if (string.IsNullOrEmpty(next))
                {
                    break;
                }
            }

            return EvidenceResult<IReadOnlyList<T>>.Found(items);
        }, cancellationToken);
    }

    private sealed record Ec2Page<T>(List<T> Items, string? Next);
}
