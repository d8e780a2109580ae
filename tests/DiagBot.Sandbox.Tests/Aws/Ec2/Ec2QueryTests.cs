using System.Net;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Ec2;

[Collection(SandboxReads.Name)]
public sealed class Ec2QueryTests(SandboxFixture fixture)
{
    private const string Version = "2016-11-15";

    [Fact]
    public async Task DescribeSubnets_FilterByName_ReturnsExhaustedSubnet()
    {
        var reply = await Query(AwsForms.Action("DescribeSubnets", Version, ("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "prod-batch-a")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("0", reply.Value("availableIpAddressCount"));
        Assert.Contains("<DescribeSubnetsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>", reply.Body);
    }

    [Fact]
    public async Task DescribeRouteTables_AssociationSubnetFilter_FindsTheSubnetsTable()
    {
        var subnets = await Query(AwsForms.Action("DescribeSubnets", Version, ("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "prod-private-a")));

        var tables = await Query(AwsForms.Action("DescribeRouteTables", Version, ("Filter.1.Name", "association.subnet-id"), ("Filter.1.Value.1", subnets.Value("subnetId"))));

        Assert.Single(tables.Values("routeTableId").Distinct());
        Assert.StartsWith("nat-", tables.Value("natGatewayId"));
    }

    [Fact]
    public async Task DescribeVpcEndpoints_InterfaceFilter_MatchesNothingInProd()
    {
        var reply = await Query(AwsForms.Action("DescribeVpcEndpoints", Version, ("Filter.1.Name", "vpc-endpoint-type"), ("Filter.1.Value.1", "Interface")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Values("vpcEndpointId"));
    }

    [Fact]
    public async Task DescribeSecurityGroups_UnknownId_AnswersEc2ErrorShape()
    {
        var reply = await Query(AwsForms.Action("DescribeSecurityGroups", Version, ("GroupId.1", "sg-00000000000000000")));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidGroup.NotFound</Code>", reply.Body);
    }

    [Fact]
    public async Task DescribeSubnets_UnknownFilter_IsInvalidParameterValue()
    {
        var reply = await Query(AwsForms.Action("DescribeSubnets", Version, ("Filter.1.Name", "colour"), ("Filter.1.Value.1", "blue")));

        Assert.Equal("InvalidParameterValue", reply.Value("Code"));
    }

    [Fact]
    public async Task DescribeInstances_NodeInstance_AnswersReservationWithArchitectureAndGroups()
    {
        var reply = await Query(AwsForms.Action("DescribeInstances", Version, ("InstanceId.1", "i-0a3f9c2b7d41e5a01")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(("10.0.4.21", "x86_64", "running"), (reply.Value("privateIpAddress"), reply.Value("architecture"), reply.Value("name")));
        Assert.StartsWith("sg-", reply.Value("groupId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeInstances_IdsWithMaxResults_IsRefusedAsEc2Does()
    {
        var reply = await Query(AwsForms.Action("DescribeInstances", Version, ("InstanceId.1", "i-0a3f9c2b7d41e5a01"), ("MaxResults", "5")));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("<Code>InvalidParameterCombination</Code>", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_IdsWithMaxResults_IsRefusedWithEc2sCodeAndMessage()
    {
        var trunk = await Query(AwsForms.Action("DescribeNetworkInterfaces", Version, ("Filter.1.Name", "interface-type"), ("Filter.1.Value.1", "trunk")));
        var id = trunk.Value("networkInterfaceId");

        var refused = await Query(AwsForms.Action("DescribeNetworkInterfaces", Version, ("NetworkInterfaceId.1", id), ("MaxResults", "5")));
        var byIdAlone = await Query(AwsForms.Action("DescribeNetworkInterfaces", Version, ("NetworkInterfaceId.1", id)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(("InvalidParameterCombination", "The parameter NetworkInterfaceIds cannot be used with the parameter MaxResults"),
            (refused.Value("Code"), refused.Value("Message")));
        Assert.Equal(HttpStatusCode.OK, byIdAlone.Status);
        Assert.Equal(id, Assert.Single(byIdAlone.Values("networkInterfaceId")));
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_FilterWithMaxResults_PagesAsEc2Does()
    {
        var reply = await Query(AwsForms.Action("DescribeNetworkInterfaces", Version, ("Filter.1.Name", "interface-type"), ("Filter.1.Value.1", "trunk"),
            ("MaxResults", "5")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotEmpty(reply.Values("networkInterfaceId"));
    }

    [Fact]
    public async Task DescribeInstances_UnknownId_IsInvalidInstanceIdNotFound()
    {
        var reply = await Query(AwsForms.Action("DescribeInstances", Version, ("InstanceId.1", "i-00000000000000000")));

        Assert.Contains("<Code>InvalidInstanceID.NotFound</Code>", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_TaskInterfaceByItsServiceGroup_CarriesTheServiceSecurityGroups()
    {
        // prod's services run their awsvpc tasks with the app group (their awsvpcConfiguration securityGroups).
        var reply = await Query(AwsForms.Action("DescribeNetworkInterfaces", Version,
            ("Filter.1.Name", "group-id"), ("Filter.1.Value.1", ProdLandscape.AppSecurityGroup),
            ("Filter.2.Name", "requester-managed"), ("Filter.2.Value.1", "true")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotEmpty(reply.Values("networkInterfaceId"));
        Assert.All(reply.Values("description"), d => Assert.StartsWith("arn:aws:ecs:us-east-1:", d, StringComparison.Ordinal));
        Assert.All(reply.Values("interfaceType"), t => Assert.Equal("interface", t));
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_TrunkOfANodeWithPodsOnBranches_IsAttachedToTheNodeWithItsGroups()
    {
        var reply = await Query(AwsForms.Action("DescribeNetworkInterfaces", Version, ("Filter.1.Name", "interface-type"), ("Filter.1.Value.1", "trunk"),
            ("Filter.2.Name", "attachment.instance-id"), ("Filter.2.Value.1", "i-0a3f9c2b7d41e5a01")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(("aws-k8s-trunk-eni", "false", "2"), (reply.Value("description"), reply.Value("requesterManaged"), reply.Value("deviceIndex")));
        Assert.StartsWith("sg-", reply.Value("groupId"), StringComparison.Ordinal);
    }

    private Task<AwsReply> Query(Dictionary<string, string> form) => fixture.CreateClient().QueryAsync("ec2", form);
}
