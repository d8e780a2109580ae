using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

public sealed class TaskOutOfMemoryPlaybookTests
{
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Investigate_OomReasonWithExit137_ConfirmsOutOfMemoryWithLimitAndCommand()
    {
        _evidence.TaskDefinitions.Add(EcsTasks.Definition(containerMemory: 512));

        var verdict = await InvestigateAsync(EcsTasks.OutOfMemory());

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.Equal(TaskOutOfMemoryPlaybook.OomSubCause, verdict.SubCause);
        Assert.Contains("ran out of memory", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("512 MiB", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, item => item.Value == "OutOfMemoryError: Container killed due to memory usage");
        Assert.Contains("--cluster prod", verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains($"--tasks {EcsTasks.OomTaskId}", verdict.Confirm, StringComparison.Ordinal);
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public async Task Diagnose_TaskKilledBySigKillAfterStopTimeout_IsNotOom()
    {
        _evidence.TaskDefinitions.Add(EcsTasks.Definition(stopTimeout: 30));

        var verdict = await InvestigateAsync(EcsTasks.KilledAfterStopTimeout());

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Equal(TaskOutOfMemoryPlaybook.SigKillSubCause, verdict.SubCause);
        Assert.StartsWith("Not memory", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("30 s stop timeout", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("SIGTERM", string.Join(' ', verdict.Fix), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_OomReasonWithExitZero_StillConfirmsOutOfMemory()
    {
        _evidence.TaskDefinitions.Add(EcsTasks.Definition());
        var task = EcsTasks.OutOfMemory() with
        {
            Containers = [new DiagBot.Diagnostics.Ecs.EcsContainer { Name = "web", ExitCode = 0, Reason = "OutOfMemoryError: Container killed due to memory usage" }],
        };

        var verdict = await InvestigateAsync(task);

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
    }

    [Fact]
    public async Task Investigate_HealthyBatchJobExitedZero_IsRuledOut()
    {
        var verdict = await InvestigateAsync(EcsTasks.ExitedZero());

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Empty(_evidence.Calls);
    }

    [Fact]
    public async Task Investigate_TaskDefinitionDenied_StillConfirmsFromReasonAndNamesTheGap()
    {
        _evidence.Gaps["DescribeTaskDefinition"] = new EvidenceGap("ecs", "DescribeTaskDefinition", GapReason.AccessDenied, "not authorized to perform: ecs:DescribeTaskDefinition");

        var verdict = await InvestigateAsync(EcsTasks.OutOfMemory());

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        var gap = Assert.Single(verdict.Missing);
        Assert.Equal(GapReason.AccessDenied, gap.Reason);
        Assert.Contains("its memory limit", verdict.RootCause, StringComparison.Ordinal);
    }

    private Task<Verdict> InvestigateAsync(DiagBot.Diagnostics.Ecs.EcsTask task)
    {
        DiagBot.Diagnostics.Ecs.EcsTaskRef.TryParse(task.TaskArn, out var reference);
        var context = new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), _evidence, TimeProvider.System) { Task = task };
        return CreateSut().InvestigateAsync(context, CancellationToken.None);
    }

    private static TaskOutOfMemoryPlaybook CreateSut() => new();
}
