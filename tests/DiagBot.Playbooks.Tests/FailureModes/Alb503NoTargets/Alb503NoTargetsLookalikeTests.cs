using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.LoadBalancing;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 5 against its look-alike: old targets draining in a rolling deployment while the new ones are registered and healthy.</summary>
[Collection(SandboxReads.Name)]
public sealed class Alb503NoTargetsLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-targets-draining";

    [Fact]
    public async Task Investigate_TargetsDrainingBesideHealthyNewOnes_IsRuledOutCountingBoth()
    {
        var verdict = await new Alb503NoTargetsPlaybook().InvestigateAsync(await sandbox.ServiceContextAsync("basket-api"), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains("basket-api-tg: 2 healthy, 0 unhealthy of 2 in use, and 2 draining (being deregistered, as in a rolling deployment)",
            verdict.RootCause, StringComparison.Ordinal);
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public async Task Diagnose_TargetsDrainingInARollingDeployment_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
