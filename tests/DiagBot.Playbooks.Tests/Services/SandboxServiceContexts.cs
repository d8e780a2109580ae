using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Services;

/// <summary>
/// A context for a service as triage builds it (the service, its latest stopped tasks), for calling one playbook
/// directly. Gaps leave parts empty rather than failing, so a test can inject a fault first.
/// </summary>
internal static class SandboxServiceContexts
{
    public static Task<DiagnosisContext> ScenarioContextAsync(this SandboxEvidenceFixture fixture, string scenario) =>
        fixture.ServiceContextAsync(fixture.SubjectOf(scenario));

    public static async Task<DiagnosisContext> ServiceContextAsync(this SandboxEvidenceFixture fixture, string subjectText)
    {
        var subject = Assert.IsType<ServiceSubject>(SubjectParser.Parse(subjectText).Subject);
        var evidence = fixture.Sessions.StartSession();
        var service = await evidence.Ecs.DescribeServiceAsync(subject.Cluster!, subject.Service, CancellationToken.None);
        Assert.True(service.HasValue, $"{subjectText}: {service.Gap}");

        var stopped = new List<EcsTask>();
        var listed = await evidence.Ecs.ListTasksAsync(new EcsTaskListQuery(subject.Cluster!) { ServiceName = subject.Service, DesiredStatus = "STOPPED" }, CancellationToken.None);
        foreach (var arn in (listed.Value ?? []).Take(3))
        {
            Assert.True(EcsTaskRef.TryParse(arn, out var reference));
            if ((await evidence.Ecs.DescribeTaskAsync(reference, CancellationToken.None)).Value is { } task)
            {
                stopped.Add(task);
            }
        }

        stopped = [.. stopped.OrderByDescending(t => t.StoppedAt)];
        return new DiagnosisContext(subject, evidence, fixture.Clock) { Service = service.Value, StoppedTasks = stopped, Task = stopped.FirstOrDefault() };
    }

    /// <summary>Runs <paramref name="body"/> with one operation denied, and clears the fault after.</summary>
    public static async Task WithDeniedAsync(this SandboxEvidenceFixture fixture, string service, string operation, Func<Task> body)
    {
        fixture.Sandbox.Faults.Set(service, operation, new DiagBot.Sandbox.SandboxFault { Kind = DiagBot.Sandbox.SandboxFaultKind.AccessDenied });
        try
        {
            await body();
        }
        finally
        {
            fixture.Sandbox.Faults.Clear();
        }
    }

    public static void AssertNamesGap(IReadOnlyList<EvidenceGap> missing, string operation) =>
        Assert.Contains(missing, gap => gap.Operation == operation && gap.Reason == GapReason.AccessDenied);
}
