using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Services;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Playbook 2 against its look-alike: a service whose latest stopped task could not pull, but which a later deploy fixed.
/// The same stopped task named by the engineer is still diagnosed as the pull failure it was.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class CannotPullContainerLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-pull-fixed-by-redeploy";

    [Fact]
    public async Task Investigate_ServiceWhosePullFailureALaterDeployFixed_IsRuledOutNamingTheCurrentRevision()
    {
        var context = await sandbox.ScenarioContextAsync(Lookalike);

        var verdict = await new CannotPullContainerPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains($"Task {context.Task!.TaskId} of invoice-api:14 could not pull its image", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("runs invoice-api:15 with 2 of 2 tasks running", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Value.StartsWith("CannotPullContainerError:", StringComparison.Ordinal));
        Assert.StartsWith("aws ecs describe-services --region us-east-1 --cluster prod --services invoice-api ", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ThatStoppedTaskNamedItself_IsStillThePullFailureItWas()
    {
        var task = (await sandbox.ScenarioContextAsync(Lookalike)).Task!;
        Assert.True(EcsTaskRef.TryParse(task.TaskArn, out var reference));
        var context = new DiagnosisContext(new TaskSubject(task.TaskArn, reference), sandbox.Sessions.StartSession(), sandbox.Clock) { Task = task };

        var verdict = await new CannotPullContainerPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, CannotPullContainerPlaybook.ImageNotFoundSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Diagnose_ServiceFixedByALaterDeploy_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
