using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Eks;

/// <summary>EKS over REST-JSON: signed GETs on resource paths, answers as the EKS API Reference shapes them.</summary>
[Collection(SandboxReads.Name)]
public sealed class EksRestTests(SandboxFixture fixture)
{
    [Fact]
    public async Task DescribeCluster_ProdEks_AnswersVpcConfigWithTheClusterSecurityGroup()
    {
        var reply = await new AwsTestClient(fixture.Server).GetAsync("eks", "/clusters/prod-eks");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var vpc = reply.Json.GetProperty("cluster").GetProperty("resourcesVpcConfig");
        Assert.StartsWith("sg-", vpc.GetProperty("clusterSecurityGroupId").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, vpc.GetProperty("subnetIds").GetArrayLength());
    }

    [Fact]
    public async Task ListFargateProfiles_PagesWithNextToken()
    {
        var client = new AwsTestClient(fixture.Server);

        var first = await client.GetAsync("eks", "/clusters/prod-eks/fargate-profiles?maxResults=1");
        var token = first.Json.GetProperty("nextToken").GetString()!;
        var second = await client.GetAsync("eks", $"/clusters/prod-eks/fargate-profiles?maxResults=1&nextToken={Uri.EscapeDataString(token)}");

        var names = new[] { first, second }.Select(r => Assert.Single(r.Json.GetProperty("fargateProfileNames").EnumerateArray()).GetString()).ToList();
        Assert.Equal(["fp-reports", "fp-coredns"], names);
        Assert.False(second.Json.TryGetProperty("nextToken", out _));
    }

    [Fact]
    public async Task DescribeFargateProfile_ReadsSelectorsWithLabels()
    {
        var reply = await new AwsTestClient(fixture.Server).GetAsync("eks", "/clusters/prod-eks/fargate-profiles/fp-reports");

        var selector = Assert.Single(reply.Json.GetProperty("fargateProfile").GetProperty("selectors").EnumerateArray());
        Assert.Equal(("reports", "fargate"), (selector.GetProperty("namespace").GetString(), selector.GetProperty("labels").GetProperty("compute").GetString()));
    }

    [Fact]
    public async Task DescribeCluster_Unknown_IsResourceNotFoundInTheErrorTypeHeader()
    {
        var reply = await new AwsTestClient(fixture.Server).GetAsync("eks", "/clusters/nope");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("ResourceNotFoundException", reply.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("No cluster found for name: nope.", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ListFargateProfiles_MaxResultsOutOfRange_IsInvalidParameter()
    {
        var reply = await new AwsTestClient(fixture.Server).GetAsync("eks", "/clusters/prod-eks/fargate-profiles?maxResults=500");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("InvalidParameterException", reply.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task DescribeCluster_WrongSecret_IsRefused()
    {
        var reply = await new AwsTestClient(fixture.Server) { SecretOverride = "wrong" }.GetAsync("eks", "/clusters/prod-eks");

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("InvalidSignatureException", reply.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
