using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Catalogue;

/// <summary>Each ECS task incident carries the evidence docs/architecture.md's table says decides it, readable through the APIs.</summary>
[Collection(SandboxReads.Name)]
public sealed class EcsIncidentEvidenceTests(SandboxFixture fixture)
{
    private SandboxProbe Probe => new(fixture.Server);

    [Fact]
    public async Task StuckProvisioning_TaskSubnet_HasNoFreeAddresses()
    {
        var task = await Probe.TaskAsync("p01-task-stuck-provisioning");
        var subnets = await Probe.Ec2Async("DescribeSubnets", ("SubnetId.1", SandboxProbe.Detail(task, "subnetId")));

        Assert.Equal("PROVISIONING", task.GetProperty("lastStatus").GetString());
        Assert.Equal("0", SandboxProbe.Values(subnets, "availableIpAddressCount").Single());
    }

    [Fact]
    public async Task CannotPull_StoppedReason_SaysTheTagIsNotFound()
    {
        var task = await Probe.TaskAsync("p02-cannot-pull-image");

        Assert.Equal("TaskFailedToStart", task.GetProperty("stopCode").GetString());
        Assert.StartsWith("CannotPullContainerError:", task.GetProperty("stoppedReason").GetString());
        Assert.EndsWith("payments-api:3.9.0: not found", task.GetProperty("stoppedReason").GetString());
    }

    [Fact]
    public async Task SecretsPull_CloudTrail_ShowsExecutionRoleDenied()
    {
        var task = await Probe.TaskAsync("p03-secrets-pull-failed");
        var definition = await Probe.TaskDefinitionAsync(task.GetProperty("taskDefinitionArn").GetString()!);
        var record = await Probe.TrailRecordAsync("GetSecretValue");

        Assert.StartsWith("ResourceInitializationError: unable to pull secrets", task.GetProperty("stoppedReason").GetString());
        var secret = definition.GetProperty("containerDefinitions")[0].GetProperty("secrets")[0].GetProperty("valueFrom").GetString();
        Assert.Equal(secret, record.GetProperty("requestParameters").GetProperty("secretId").GetString());
        Assert.EndsWith(":role/billing-worker-execution-role", definition.GetProperty("executionRoleArn").GetString());
        Assert.Contains("assumed-role/billing-worker-execution-role/", record.GetProperty("userIdentity").GetProperty("arn").GetString());
    }

    [Fact]
    public async Task AppAccessDenied_LogLine_NamesTheTaskRole()
    {
        var service = await Probe.ServiceAsync("prod", "report-exporter");
        var definition = await Probe.TaskDefinitionAsync(service.GetProperty("taskDefinition").GetString()!);
        var tasks = await fixture.CreateClient().JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.ListTasks", new { cluster = "prod", serviceName = "report-exporter" });
        var taskId = tasks.Json.GetProperty("taskArns")[0].GetString()!.Split('/')[^1];
        var lines = await Probe.LogMessagesAsync("/ecs/exporter", $"ecs/exporter/{taskId}");

        Assert.EndsWith(":role/report-exporter-task-role", definition.GetProperty("taskRoleArn").GetString());
        Assert.Contains(lines, line => line.Contains($"assumed-role/report-exporter-task-role/{taskId} is not authorized", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrashLoop_Deployment_KeepsFailingWithCircuitBreakerOff()
    {
        var service = await Probe.ServiceAsync("prod", "notification-worker");

        Assert.False(service.GetProperty("deploymentConfiguration").GetProperty("deploymentCircuitBreaker").GetProperty("enable").GetBoolean());
        Assert.Equal("IN_PROGRESS", service.GetProperty("deployments")[0].GetProperty("rolloutState").GetString());
        Assert.True(service.GetProperty("deployments")[0].GetProperty("failedTasks").GetInt32() > 3);
    }

    [Fact]
    public async Task ExecFormat_TaskDefinition_IsArmWhileLogsSayExecFormatError()
    {
        var task = await Probe.TaskAsync("p14-exec-format-error");
        var definition = await Probe.TaskDefinitionAsync(task.GetProperty("taskDefinitionArn").GetString()!);
        var lines = await Probe.LogMessagesAsync("/ecs/renderer", $"ecs/renderer/{task.GetProperty("taskArn").GetString()!.Split('/')[^1]}");

        Assert.Equal("ARM64", definition.GetProperty("runtimePlatform").GetProperty("cpuArchitecture").GetString());
        Assert.Contains(lines, line => line.EndsWith("exec format error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lookalike-batch-exit-0", "EssentialContainerExited", 0)]
    [InlineData("lookalike-user-stop", "UserInitiated", 0)]
    [InlineData("lookalike-scale-in", "ServiceSchedulerInitiated", 0)]
    [InlineData("lookalike-137-stop-timeout", "ServiceSchedulerInitiated", 137)]
    public async Task Lookalikes_StoppedTasks_CarryNoFailureReason(string scenario, string stopCode, int exitCode)
    {
        var task = await Probe.TaskAsync(scenario);

        Assert.Equal(stopCode, task.GetProperty("stopCode").GetString());
        Assert.Equal(exitCode, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        Assert.False(task.GetProperty("containers")[0].TryGetProperty("reason", out _));
    }
}
