using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Signing;

public sealed class ConfiguredAccountTests
{
    [Fact]
    public async Task StartAsync_OtherRegionAccountAndKeys_SeedsAndVerifiesWithThem()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Region = "eu-west-1",
            AccountId = "999988887777",
            AccessKeyId = "AKIDOTHERSANDBOX0000",
            SecretAccessKey = "other/secret",
        });
        var subject = server.Scenarios.Single(s => s.Name == "p07-task-oom").Subject;

        var reply = await new AwsTestClient(server).JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.DescribeTasks", new { cluster = "prod", tasks = new[] { subject } });

        Assert.StartsWith("arn:aws:ecs:eu-west-1:999988887777:task/prod/", subject);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("eu-west-1a", reply.Json.GetProperty("tasks")[0].GetProperty("availabilityZone").GetString());
    }

    [Fact]
    public async Task Post_ScopedToAnotherRegion_IsRejected()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Region = "eu-west-1" });
        var client = new AwsTestClient(server) { RegionOverride = "us-east-1" };

        var reply = await client.JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.DescribeTasks", new { cluster = "prod", tasks = new[] { "abc" } });

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("InvalidSignatureException", reply.ErrorType);
    }
}
