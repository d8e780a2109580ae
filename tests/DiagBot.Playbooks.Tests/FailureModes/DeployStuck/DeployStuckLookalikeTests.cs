using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Services;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 12 against its look-alike: a deployment IN_PROGRESS for 36 minutes that rolls three tasks at a time and keeps starting them.</summary>
[Collection(SandboxReads.Name)]
public sealed class DeployStuckLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-deploy-rolling";

    [Fact]
    public async Task Investigate_LongDeploymentThatKeepsStartingTasks_IsRuledOutAsRolling()
    {
        var verdict = await new DeployStuckPlaybook().InvestigateAsync(await sandbox.ScenarioContextAsync(Lookalike), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Matches(@"is rolling, slowly but on: 9 of 12 new tasks run, ECS started 3 more \d+ minutes ago and none has failed", verdict.RootCause);
        Assert.StartsWith("aws ecs describe-services --region us-east-1 --cluster prod --services order-history ", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_LongRollingDeployment_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
