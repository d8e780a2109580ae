using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Network;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Network;

/// <summary>The EC2 client (AWSSDK.EC2 pointed at a loopback server) reading documented responses.</summary>
public sealed class Ec2NetworkClientTests : IAsyncLifetime
{
    private const string SubnetId = "subnet-0abc1234def567890";
    private const string VpcId = "vpc-0a1b2c3d4e5f67890";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeSubnets_SignedForEc2InTheScopeRegion_ReadsFreeAddresses()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("ec2-describe-subnets.xml"));

        var result = await CreateSut().DescribeSubnetsAsync([SubnetId], new AwsScope(Region: "eu-west-1"), CancellationToken.None);

        var subnet = Assert.Single(result.Value!);
        Assert.Equal((SubnetId, VpcId, 0), (subnet.SubnetId, subnet.VpcId, subnet.AvailableIpAddressCount));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("DescribeSubnets", request.Form["Action"]);
        Assert.Equal(SubnetId, request.Form["SubnetId.1"]);
        Assert.Contains("/eu-west-1/ec2/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeRouteTables_SubnetWithExplicitAssociation_EffectiveTableHasNoInternetRoute()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("ec2-describe-route-tables.xml"));

        var result = await CreateSut().DescribeRouteTablesAsync(VpcId, AwsScope.Default, CancellationToken.None);

        Assert.Equal("vpc-id", Assert.Single(_server.Requests).Form["Filter.1.Name"]);
        var effective = RouteTable.EffectiveFor(SubnetId, result.Value!)!;
        Assert.Equal("rtb-private00000000002", effective.RouteTableId);
        Assert.DoesNotContain(effective.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0");
        Assert.Equal("rtb-main0000000000001", RouteTable.EffectiveFor("subnet-other", result.Value!)!.RouteTableId);
    }

    [Fact]
    public async Task DescribeVpcEndpoints_InterfaceAndGateway_ReadsSubnetsAndRouteTables()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("ec2-describe-vpc-endpoints.xml"));

        var result = await CreateSut().DescribeVpcEndpointsAsync(VpcId, AwsScope.Default, CancellationToken.None);

        var endpoints = result.Value!;
        Assert.Equal([SubnetId], endpoints[0].SubnetIds);
        Assert.Equal(["sg-0endpoint000000001"], endpoints[0].SecurityGroupIds);
        Assert.Equal("Gateway", endpoints[1].VpcEndpointType);
        Assert.Equal(["rtb-private00000000002"], endpoints[1].RouteTableIds);
    }

    [Fact]
    public async Task DescribeSecurityGroups_IngressFromLoadBalancerGroup_ReadsRule()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("ec2-describe-security-groups.xml"));

        var result = await CreateSut().DescribeSecurityGroupsAsync(["sg-0task000000000001"], AwsScope.Default, CancellationToken.None);

        var group = Assert.Single(result.Value!);
        var ingress = Assert.Single(group.Ingress);
        Assert.Equal(["sg-0alb0000000000001"], ingress.SourceSecurityGroupIds);
        Assert.True(ingress.AllowsPort(80));
        Assert.False(ingress.AllowsPort(8080));
        Assert.True(Assert.Single(group.Egress).AllowsPort(443));
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_PodBranchInterfaceById_ReadsItsOwnSecurityGroups()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("ec2-describe-network-interfaces-branch.xml"));

        var result = await CreateSut().DescribeNetworkInterfacesAsync(["eni-0b7c31d5e9a2f4c86"], AwsScope.Default, CancellationToken.None);

        var branch = Assert.Single(result.Value!);
        Assert.Equal(("branch", "10.0.6.142"), (branch.InterfaceType, branch.PrivateIpAddress));
        Assert.Equal(["sg-0ledgerpods00000001", "sg-0ledgerdb000000002"], branch.SecurityGroupIds);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("DescribeNetworkInterfaces", "eni-0b7c31d5e9a2f4c86"), (request.Form["Action"], request.Form["NetworkInterfaceId.1"]));
        Assert.False(request.Form.ContainsKey("MaxResults"));
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_NoIds_IsAGapWithoutAnyCall()
    {
        var result = await CreateSut().DescribeNetworkInterfacesAsync([], AwsScope.Default, CancellationToken.None);

        Assert.Equal(("DescribeNetworkInterfaces", GapReason.InvalidRequest), (result.Gap!.Operation, result.Gap.Reason));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DescribeSubnets_UnauthorizedOperation_IsAccessDeniedNamingTheAction()
    {
        _server.Reply = _ => FakeReply.Xml(403, """
            <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>1</RequestID></Response>
            """);

        var result = await CreateSut().DescribeSubnetsAsync([SubnetId], AwsScope.Default, CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.StartsWith("ec2:DescribeSubnets denied", result.Gap.Detail, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task DescribeSubnets_RequestLimitExceeded_RetriedByOurPipelineNotTheSdk()
    {
        var answered = 0;
        _server.Reply = _ => ++answered == 1
            ? FakeReply.Xml(503, "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>1</RequestID></Response>")
            : FakeReply.Xml(200, Fixture.Read("ec2-describe-subnets.xml"));

        var result = await CreateSut().DescribeSubnetsAsync([SubnetId], AwsScope.Default, CancellationToken.None);

        Assert.True(result.HasValue);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task DescribeSubnets_NoSubnetIds_IsAGapWithoutAnyCall()
    {
        var result = await CreateSut().DescribeSubnetsAsync([], AwsScope.Default, CancellationToken.None);

        Assert.Equal(GapReason.InvalidRequest, result.Gap!.Reason);
        Assert.Contains("no subnet id", result.Gap.Detail, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DescribeSecurityGroups_NoGroupIds_IsAGapWithoutAnyCall()
    {
        var result = await CreateSut().DescribeSecurityGroupsAsync([""], AwsScope.Default, CancellationToken.None);

        Assert.Equal(GapReason.InvalidRequest, result.Gap!.Reason);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DescribeInstances_SpotReclaimedAndRunningGraviton_ReadsLifecycleStateAndArchitecture()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("ec2-describe-instances.xml"));

        var result = await CreateSut().DescribeInstancesAsync(["i-0f1e2d3c4b5a69788", "i-0a3f9c2b7d41e5a01"], AwsScope.Default, CancellationToken.None);

        var reclaimed = result.Value![0];
        Assert.True(reclaimed.IsSpot);
        Assert.Equal(("terminated", "Server.SpotInstanceTermination"), (reclaimed.State, reclaimed.StateReasonCode));
        var running = result.Value[1];
        Assert.False(running.IsSpot);
        Assert.Equal(("arm64", "subnet-0abc1234def567890", "sg-0cluster00000001"), (running.Architecture, running.SubnetId, Assert.Single(running.SecurityGroupIds)));
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("DescribeInstances", "i-0a3f9c2b7d41e5a01"), (request.Form["Action"], request.Form["InstanceId.2"]));
    }

    private INetworkEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Network;
    }
}
