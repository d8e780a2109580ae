using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Logs;
using DiagBot.Sandbox;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>Log lines and CloudTrail records an incident leaves, read the way playbooks 8 and 3 read them.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxLogsAndTrailTests(SharedSandbox shared)
{
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task CrashLoopService_LastLogLinesOfAStoppedTask_SaySmtpHostIsNotSet()
    {
        var evidence = SandboxSession.Start(_sandbox);
        var (service, cluster) = _sandbox.ServiceSubject("p08-crash-loop");
        var stopped = await evidence.Ecs.ListTasksAsync(new EcsTaskListQuery(cluster) { ServiceName = service, DesiredStatus = "STOPPED" }, CancellationToken.None);
        var task = (await evidence.Ecs.DescribeTaskAsync(SandboxSession.TaskRef(stopped.Value![0]), CancellationToken.None)).Value!;
        var definition = (await evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, CancellationToken.None)).Value!;
        var (group, stream) = EcsLogStreams.For(task, definition.ContainerDefinitions[0])!.Value;

        var lines = await evidence.Logs.GetLastEventsAsync(group, stream, 20, CancellationToken.None);

        Assert.Contains(lines.Value!, e => e.Message.Contains("SMTP_HOST is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrashLoopLogGroup_FilterPattern_FindsTheErrorAcrossStreams()
    {
        var evidence = SandboxSession.Start(_sandbox);

        var found = await evidence.Logs.FilterEventsAsync(new LogFilter { Group = new LogGroupRef("/ecs/notifier"), FilterPattern = "SMTP_HOST" }, CancellationToken.None);

        Assert.NotEmpty(found.Value!);
        Assert.All(found.Value!, e => Assert.Contains("SMTP_HOST", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecretsScenario_GetSecretValueDeniedForTheExecutionRole()
    {
        var evidence = SandboxSession.Start(_sandbox);

        var events = await evidence.AuditTrail.LookupEventsAsync(
            new AuditQuery { AttributeKey = AuditLookupAttribute.EventName, AttributeValue = "GetSecretValue" }, CancellationToken.None);

        var denied = Assert.Single(events.Value!, e => e.IsDenied);
        Assert.EndsWith(":role/billing-worker-execution-role", denied.SessionIssuerArn, StringComparison.Ordinal);
        Assert.Equal("secretsmanager.amazonaws.com", denied.EventSource);
    }
}
