using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Catalogue;

/// <summary>Spot checks that an incident carries the evidence docs/architecture.md's table says decides it.</summary>
[Collection(SandboxReads.Name)]
public sealed class IncidentEvidenceTests(SandboxFixture fixture)
{
    private const string Ecs = "AmazonEC2ContainerServiceV20141113.";

    [Fact]
    public async Task SpotInterruption_Service_HasNoOnDemandBase()
    {
        var task = await DescribeTaskAsync("p11-spot-interruption");
        Assert.Equal("SpotInterruption", task.GetProperty("stopCode").GetString());
        Assert.Equal("FARGATE_SPOT", task.GetProperty("capacityProviderName").GetString());

        var reply = await fixture.CreateClient().JsonAsync("ecs", Ecs + "DescribeServices", new { cluster = "prod", services = new[] { "image-resizer" } });
        var strategy = reply.Json.GetProperty("services")[0].GetProperty("capacityProviderStrategy");
        Assert.All(strategy.EnumerateArray(), item => Assert.Equal(0, item.GetProperty("base").GetInt32()));
    }

    [Fact]
    public async Task DeployStuck_Service_HasMinimumHealthy100AndPlacementEvents()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", Ecs + "DescribeServices", new { cluster = "prod-ec2", services = new[] { "search-indexer" } });

        var service = reply.Json.GetProperty("services")[0];
        Assert.Equal(100, service.GetProperty("deploymentConfiguration").GetProperty("minimumHealthyPercent").GetInt32());
        Assert.Equal("IN_PROGRESS", service.GetProperty("deployments")[0].GetProperty("rolloutState").GetString());
        Assert.Contains("unable to place a task", service.GetProperty("events")[0].GetProperty("message").GetString());

        var list = await fixture.CreateClient().JsonAsync("ecs", Ecs + "ListContainerInstances", new { cluster = "prod-ec2" });
        var arns = list.Json.GetProperty("containerInstanceArns").EnumerateArray().Select(a => a.GetString()).ToArray();
        var instances = await fixture.CreateClient().JsonAsync("ecs", Ecs + "DescribeContainerInstances", new { cluster = "prod-ec2", containerInstances = arns });
        var memory = instances.Json.GetProperty("containerInstances")[0].GetProperty("remainingResources").EnumerateArray().First(r => r.GetProperty("name").GetString() == "MEMORY");
        Assert.True(memory.GetProperty("integerValue").GetInt32() < 3072);
    }

    [Fact]
    public async Task ExecFails_Task_HasExecuteCommandOffAndNoAgent()
    {
        var task = await DescribeTaskAsync("p15-ecs-exec-fails");

        Assert.False(task.GetProperty("enableExecuteCommand").GetBoolean());
        Assert.False(task.GetProperty("containers")[0].TryGetProperty("managedAgents", out _));
    }

    [Fact]
    public async Task ListTasks_StoppedTasksOfCrashLoopingService_AreListed()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", Ecs + "ListTasks", new { cluster = "prod", serviceName = "notification-worker", desiredStatus = "STOPPED" });

        Assert.Equal(3, reply.Json.GetProperty("taskArns").GetArrayLength());
    }

    private async Task<System.Text.Json.JsonElement> DescribeTaskAsync(string scenario)
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", Ecs + "DescribeTasks", new { cluster = "prod", tasks = new[] { fixture.Scenario(scenario).Subject.Split(' ')[^1] } });
        return reply.Json.GetProperty("tasks")[0];
    }
}
