using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Sandbox;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The metrics an incident publishes, read through the live CloudWatch client over awsJson 1.0.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxMetricsTests(SharedSandbox shared)
{
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task OomTask_ContainerInsightsMemory_ReachesTheReservedLimitBeforeTheKill()
    {
        var evidence = SandboxSession.Start(_sandbox);
        var task = (await evidence.Ecs.DescribeTaskAsync(SandboxSession.TaskRef(_sandbox.Subject("p07-task-oom")), CancellationToken.None)).Value!;
        IReadOnlyList<MetricDimension> dimensions =
            [new("ClusterName", "prod"), new("TaskDefinitionFamily", "invoice-renderer"), new("TaskId", task.TaskArn.Split('/')[^1])];

        var result = await evidence.Metrics.GetMetricDataAsync(new MetricRequest(
            [
                new MetricQuery("used", "ECS/ContainerInsights", "MemoryUtilized", dimensions, 60, "Maximum"),
                new MetricQuery("limit", "ECS/ContainerInsights", "MemoryReserved", dimensions, 60, "Maximum"),
            ],
            task.CreatedAt!.Value, task.StoppedAt!.Value.AddMinutes(1)), CancellationToken.None);

        var used = result.Value![0].Points;
        Assert.Equal(512, used[^1].Value);
        Assert.True(used[0].Value < 256);
        Assert.True(used.Zip(used.Skip(1)).All(pair => pair.First.At < pair.Second.At));
        Assert.All(result.Value[1].Points, p => Assert.Equal(512, p.Value));
    }

    [Fact]
    public async Task GetMetricDataDenied_IsAnAccessDeniedGapForThatRead()
    {
        _sandbox.Faults.Set("cloudwatch", "GetMetricData", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        var evidence = SandboxSession.Start(_sandbox);
        var now = DateTimeOffset.UtcNow;

        var result = await evidence.Metrics.GetMetricDataAsync(new MetricRequest(
            [new MetricQuery("m", "AWS/ECS", "MemoryUtilization", [new("ClusterName", "prod"), new("ServiceName", "invoice-renderer")], 60, "Maximum")],
            now.AddHours(-1), now), CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Contains("cloudwatch:GetMetricData", result.Gap.Detail, StringComparison.Ordinal);
    }
}
