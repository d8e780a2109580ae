using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Ecs;

[Collection(SandboxReads.Name)]
public sealed class EcsDescribeTasksTests(SandboxFixture fixture)
{
    private const string DescribeTasks = "AmazonEC2ContainerServiceV20141113.DescribeTasks";

    [Fact]
    public async Task DescribeTasks_OomTask_ReturnsExit137WithOutOfMemoryReason()
    {
        var arn = fixture.Scenario("p07-task-oom").Subject;

        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTasks, new { cluster = "prod", tasks = new[] { arn } });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var task = reply.Json.GetProperty("tasks")[0];
        Assert.Equal(arn, task.GetProperty("taskArn").GetString());
        Assert.Matches("^arn:aws:ecs:us-east-1:111122223333:task/prod/[0-9a-f]{32}$", arn);
        Assert.Equal("STOPPED", task.GetProperty("lastStatus").GetString());
        Assert.Equal("EssentialContainerExited", task.GetProperty("stopCode").GetString());
        Assert.Equal("Essential container in task exited", task.GetProperty("stoppedReason").GetString());
        Assert.Equal("FARGATE", task.GetProperty("launchType").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, task.GetProperty("stoppedAt").ValueKind);
        var container = task.GetProperty("containers")[0];
        Assert.Equal(137, container.GetProperty("exitCode").GetInt32());
        Assert.Equal("OutOfMemoryError: Container killed due to memory usage", container.GetProperty("reason").GetString());
        Assert.Equal(0, reply.Json.GetProperty("failures").GetArrayLength());
    }

    [Fact]
    public async Task DescribeTasks_StopTimeoutTask_ReturnsExit137WithoutReason()
    {
        var arn = fixture.Scenario("lookalike-137-stop-timeout").Subject;
        var taskId = arn[(arn.LastIndexOf('/') + 1)..];

        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTasks, new { cluster = "prod", tasks = new[] { taskId } });

        var task = reply.Json.GetProperty("tasks")[0];
        Assert.Equal(arn, task.GetProperty("taskArn").GetString());
        Assert.Equal("ServiceSchedulerInitiated", task.GetProperty("stopCode").GetString());
        Assert.StartsWith("Scaling activity initiated by (deployment ecs-svc/", task.GetProperty("stoppedReason").GetString());
        var container = task.GetProperty("containers")[0];
        Assert.Equal(137, container.GetProperty("exitCode").GetInt32());
        Assert.False(container.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task DescribeTasks_MissingTask_ListsFailureMissing()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTasks, new { cluster = "prod", tasks = new[] { "0123456789abcdef0123456789abcdef" } });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0, reply.Json.GetProperty("tasks").GetArrayLength());
        var failure = reply.Json.GetProperty("failures")[0];
        Assert.Equal("MISSING", failure.GetProperty("reason").GetString());
        Assert.Equal("arn:aws:ecs:us-east-1:111122223333:task/prod/0123456789abcdef0123456789abcdef", failure.GetProperty("arn").GetString());
    }

    [Fact]
    public async Task DescribeTasks_UnknownCluster_ReturnsClusterNotFound()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTasks, new { cluster = "no-such-cluster", tasks = new[] { "abc" } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("ClusterNotFoundException", reply.ErrorType);
    }

    [Fact]
    public async Task DescribeTasks_NoTasks_ReturnsInvalidParameter()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTasks, new { cluster = "prod", tasks = Array.Empty<string>() });

        Assert.Equal("InvalidParameterException", reply.ErrorType);
    }

    [Fact]
    public async Task Post_UnknownTarget_ReturnsUnknownOperation()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.DeleteCluster", new { cluster = "prod" });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("UnknownOperationException", reply.ErrorType);
    }

    [Fact]
    public async Task Post_WrongContentType_IsNotAnOperation()
    {
        var reply = await fixture.CreateClient().JsonAsync("ecs", DescribeTasks, new { cluster = "prod", tasks = new[] { "abc" } }, "application/json");

        Assert.Equal("UnknownOperationException", reply.ErrorType);
    }
}
