using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>The AWS SDK for .NET (AWSSDK.EC2, AWSSDK.SecurityToken) reads the sandbox as it would read AWS.</summary>
[Collection(SandboxReads.Name)]
public sealed class DotNetAwsSdkConformanceTests(SandboxFixture fixture)
{
    [Fact]
    public async Task DescribeSubnets_TagFilter_ParsesAvailableIpAddressCount()
    {
        using var ec2 = Ec2();

        var response = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("tag:Name", ["prod-batch-a"])] });

        var subnet = Assert.Single(response.Subnets);
        Assert.Equal(0, subnet.AvailableIpAddressCount);
        Assert.Equal("10.0.64.0/24", subnet.CidrBlock);
    }

    [Fact]
    public async Task DescribeRouteTablesAndEndpoints_Filters_ParseRoutesAndEndpoints()
    {
        using var ec2 = Ec2();
        var subnet = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("tag:Name", ["prod-private-a"])] })).Subnets[0];

        var tables = await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("association.subnet-id", [subnet.SubnetId])] });
        var endpoints = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("vpc-id", [subnet.VpcId]), new Filter("vpc-endpoint-type", ["Gateway"])],
        });

        Assert.Contains(tables.RouteTables[0].Routes, r => r.DestinationCidrBlock == "0.0.0.0/0" && r.NatGatewayId.StartsWith("nat-", StringComparison.Ordinal));
        Assert.Equal(VpcEndpointType.Gateway, endpoints.VpcEndpoints[0].VpcEndpointType);
        Assert.Equal($"com.amazonaws.{fixture.Server.Options.Region}.s3", endpoints.VpcEndpoints[0].ServiceName);
    }

    [Fact]
    public async Task DescribeSecurityGroups_ByName_ParsesIngressFromGroup()
    {
        using var ec2 = Ec2();

        var response = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", ["catalog-api-tasks"])] });

        var rule = response.SecurityGroups[0].IpPermissions[0];
        Assert.Equal(80, rule.FromPort);
        Assert.StartsWith("sg-", rule.UserIdGroupPairs[0].GroupId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_ThenGetCallerIdentity_ActsAsTheRole()
    {
        using var sts = Sts(new BasicAWSCredentials(fixture.Server.Options.AccessKeyId, fixture.Server.Options.SecretAccessKey));

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::444455556666:role/diagbot-read", RoleSessionName = "dotnet" });
        using var asRole = Sts(assumed.Credentials);
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("444455556666", identity.Account);
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/diagbot-read/dotnet", identity.Arn);
    }

    [Fact]
    public async Task WrongSecret_Ec2_FailsWithSignatureDoesNotMatch()
    {
        using var ec2 = Ec2(new BasicAWSCredentials(fixture.Server.Options.AccessKeyId, "not-the-secret"));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest()));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
    }

    private AmazonEC2Client Ec2(AWSCredentials? credentials = null) =>
        new(credentials ?? new BasicAWSCredentials(fixture.Server.Options.AccessKeyId, fixture.Server.Options.SecretAccessKey),
            new AmazonEC2Config { ServiceURL = fixture.Server.BaseAddress.ToString(), AuthenticationRegion = fixture.Server.Options.Region, MaxErrorRetry = 0 });

    private AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = fixture.Server.BaseAddress.ToString(), AuthenticationRegion = fixture.Server.Options.Region, MaxErrorRetry = 0 });
}
