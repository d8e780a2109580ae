using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.LoadBalancing;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 6 against its look-alike: new targets in their initial health checks a minute after a deploy, the old ones healthy.</summary>
[Collection(SandboxReads.Name)]
public sealed class TargetsUnhealthyLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-targets-initial";

    [Fact]
    public async Task Investigate_TargetsInInitialHealthChecks_IsRuledOutSayingTheyAreStarting()
    {
        var verdict = await new TargetsUnhealthyPlaybook().InvestigateAsync(await sandbox.ServiceContextAsync("profile-api"), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains("profile-api-tg: 2 of 4 healthy, 2 still in their initial health checks", verdict.RootCause, StringComparison.Ordinal);
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public async Task Diagnose_TargetsInInitialHealthChecks_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
