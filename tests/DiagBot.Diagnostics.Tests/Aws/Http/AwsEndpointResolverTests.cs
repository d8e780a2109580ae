using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Tests.Aws.Http;

public sealed class AwsEndpointResolverTests
{
    [Theory]
    [InlineData("us-east-1", "https://ecs.us-east-1.amazonaws.com/")]
    [InlineData("eu-west-1", "https://ecs.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://ecs.cn-north-1.amazonaws.com.cn/")]
    public void Resolve_NoOverride_IsRegionalEndpointInThePartition(string region, string expected) =>
        Assert.Equal(new Uri(expected), CreateSut(new AwsOptions()).Resolve(AwsService.Ecs, region));

    [Fact]
    public void Resolve_OneEndpointForAll_IsUsedForEveryService()
    {
        var sut = CreateSut(new AwsOptions { EndpointUrl = "http://127.0.0.1:4566/" });

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), sut.Resolve(AwsService.Logs, "eu-west-1"));
    }

    [Fact]
    public void Resolve_PerServiceEndpoint_WinsOverTheOneForAll()
    {
        var options = new AwsOptions { EndpointUrl = "http://127.0.0.1:4566/" };
        options.Endpoints["ecs"] = "https://vpce-0abc.ecs.eu-west-1.vpce.amazonaws.com/";

        var sut = CreateSut(options);

        Assert.Equal("vpce-0abc.ecs.eu-west-1.vpce.amazonaws.com", sut.Resolve(AwsService.Ecs, "eu-west-1").Host);
        Assert.Equal("127.0.0.1", sut.Resolve(AwsService.CloudTrail, "eu-west-1").Host);
    }

    private static AwsEndpointResolver CreateSut(AwsOptions options) => new(options);
}
