using System.Text.Json;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Ecs;

/// <summary>The ECS client against a loopback server answering documented bodies: what it sends and how it reads.</summary>
public sealed class EcsClientWireTests : IAsyncLifetime
{
    private const string TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/4f1b9b2a6f2e4c0c9d7a1b2c3d4e5f60";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeTask_ByArn_SendsSignedJson11Request()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-tasks.json"));

        await CreateSut().DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.PathAndQuery);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeTasks", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={EvidenceHarness.AccessKeyId}/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/us-east-1/ecs/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("x-amz-target", request.Headers["Authorization"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("prod", body.RootElement.GetProperty("cluster").GetString());
        Assert.Equal("4f1b9b2a6f2e4c0c9d7a1b2c3d4e5f60", body.RootElement.GetProperty("tasks")[0].GetString());
    }

    [Fact]
    public async Task DescribeTask_DocumentedResponse_ReadsEveryField()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-tasks.json"));

        var result = await CreateSut().DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        var task = Assert.IsType<EcsTask>(result.Value);
        Assert.Equal(TaskArn, task.TaskArn);
        Assert.Equal("prod", task.ClusterName);
        Assert.Equal("EssentialContainerExited", task.StopCode);
        Assert.Equal("FARGATE", task.LaunchType);
        Assert.True(task.EnableExecuteCommand);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764140100500), task.StoppedAt);
        Assert.Equal(2, task.Containers.Count);
        var container = task.Containers[0];
        Assert.Equal(137, container.ExitCode);
        Assert.StartsWith("OutOfMemoryError", container.Reason, StringComparison.Ordinal);
        Assert.Equal("ExecuteCommandAgent", Assert.Single(container.ManagedAgents).Name);
        Assert.Equal("subnet-0abc1234def567890", Assert.Single(task.Attachments).Details["subnetId"]);
    }

    [Fact]
    public async Task DescribeTask_DocumentedResponse_ReadsTheLifecycleTimestampsAndWhatTheTaskRanOn()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-tasks.json"));

        var task = (await CreateSut().DescribeTaskAsync(Ref(TaskArn), CancellationToken.None)).Value!;

        Assert.Equal(
            [1764140010, 1764140025, 1764140030, 1764140034, 1764140090],
            new[] { task.PullStartedAt, task.PullStoppedAt, task.StartedAt, task.ExecutionStoppedAt, task.StoppingAt }.Select(t => t!.Value.ToUnixTimeSeconds()));
        Assert.Equal(("CONNECTED", "UNHEALTHY", "arm64"), (task.Connectivity, task.HealthStatus, task.CpuArchitecture));
        Assert.Equal((512, 256, "UNHEALTHY"), (task.Containers[0].Memory, task.Containers[0].MemoryReservation, task.Containers[0].HealthStatus));
        Assert.Equal(("log-router", (int?)null, "UNKNOWN"), (task.Containers[1].Name, task.Containers[1].Memory, task.Containers[1].HealthStatus));
    }

    [Fact]
    public async Task DescribeTaskDefinition_DocumentedResponse_ReadsEveryField()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-task-definition.json"));

        var result = await CreateSut().DescribeTaskDefinitionAsync("arn:aws:ecs:us-east-1:111122223333:task-definition/api:7", CancellationToken.None);

        var definition = Assert.IsType<EcsTaskDefinition>(result.Value);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition", Assert.Single(_server.Requests).Target);
        Assert.Equal(7, definition.Revision);
        Assert.Equal("ARM64", definition.CpuArchitecture);
        Assert.Equal("arn:aws:iam::111122223333:role/api-task", definition.TaskRoleArn);
        var container = Assert.Single(definition.ContainerDefinitions);
        Assert.Equal(30, container.StopTimeout);
        Assert.Equal(8080, Assert.Single(container.PortMappings).ContainerPort);
        Assert.Equal("/ecs/api", container.LogConfiguration!.Options["awslogs-group"]);
        Assert.Equal("DB_PASSWORD", Assert.Single(container.Secrets).Name);
    }

    [Fact]
    public async Task DescribeTask_FailureMissing_IsNotFoundGap()
    {
        _server.Reply = _ => FakeReply.Json(200, $$"""{"tasks":[],"failures":[{"arn":"{{TaskArn}}","reason":"MISSING"}]}""");

        var result = await CreateSut().DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Contains("prod", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTask_SameTaskTwiceInOneSession_CostsOneRequest()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-tasks.json"));
        var ecs = CreateSut();

        await Task.WhenAll(ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None), ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None));
        await ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task DescribeTask_NewSession_AsksAgain()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-tasks.json"));
        using var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        var factory = services.GetRequiredService<IEvidenceSessionFactory>();

        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);
        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
    }

    private IEcsEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;
    }

    private static EcsTaskRef Ref(string text) => EcsTaskRef.TryParse(text, out var task) ? task : throw new ArgumentException(text);
}
