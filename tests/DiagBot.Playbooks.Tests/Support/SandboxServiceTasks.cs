using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Support;

/// <summary>Contexts for tasks the catalogue seeds without naming them as a scenario subject (a healthy service's tasks, an earlier attempt).</summary>
internal static class SandboxServiceTasks
{
    public static async Task<DiagnosisContext> ServiceTaskContextAsync(this SandboxEvidenceFixture fixture, string service, string desiredStatus = "RUNNING", string cluster = "prod")
    {
        var evidence = fixture.Sessions.StartSession();
        var listed = await evidence.Ecs.ListTasksAsync(new EcsTaskListQuery(cluster) { ServiceName = service, DesiredStatus = desiredStatus }, CancellationToken.None);
        Assert.True(listed.Value is { Count: > 0 }, $"no {desiredStatus} task of service {service}: {listed.Gap}");
        Assert.True(EcsTaskRef.TryParse(listed.Value[0], out var reference));
        var task = await evidence.Ecs.DescribeTaskAsync(reference, CancellationToken.None);
        Assert.True(task.HasValue, $"{listed.Value[0]}: {task.Gap}");
        return new DiagnosisContext(new TaskSubject(listed.Value[0], reference), evidence, fixture.Clock) { Task = task.Value };
    }
}
