using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Ecs;

[Collection(SandboxReads.Name)]
public sealed class EcsDescribeTaskDefinitionTests(SandboxFixture fixture)
{
    private const string DescribeTaskDefinition = "AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition";

    [Fact]
    public async Task DescribeTaskDefinition_FamilyRevision_ReturnsMemoryLimits()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTaskDefinition, new { taskDefinition = "invoice-renderer:14" });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var definition = reply.Json.GetProperty("taskDefinition");
        Assert.Equal("arn:aws:ecs:us-east-1:111122223333:task-definition/invoice-renderer:14", definition.GetProperty("taskDefinitionArn").GetString());
        Assert.Equal("512", definition.GetProperty("memory").GetString());
        Assert.Equal(512, definition.GetProperty("containerDefinitions")[0].GetProperty("memory").GetInt32());
        Assert.Equal("awsvpc", definition.GetProperty("networkMode").GetString());
        Assert.Equal("/ecs/renderer", definition.GetProperty("containerDefinitions")[0].GetProperty("logConfiguration").GetProperty("options").GetProperty("awslogs-group").GetString());
    }

    [Fact]
    public async Task DescribeTaskDefinition_Arn_ReturnsStopTimeout()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTaskDefinition,
            new { taskDefinition = "arn:aws:ecs:us-east-1:111122223333:task-definition/checkout-web:31" });

        Assert.Equal(30, reply.Json.GetProperty("taskDefinition").GetProperty("containerDefinitions")[0].GetProperty("stopTimeout").GetInt32());
    }

    [Fact]
    public async Task DescribeTaskDefinition_Missing_ReturnsClientException()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTaskDefinition, new { taskDefinition = "nothing-here:1" });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("ClientException", reply.ErrorType);
        Assert.Equal("Unable to describe task definition.", reply.Json.GetProperty("message").GetString());
    }
}
