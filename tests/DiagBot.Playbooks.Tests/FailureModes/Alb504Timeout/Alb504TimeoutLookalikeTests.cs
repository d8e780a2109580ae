using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.LoadBalancing;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 13 against its look-alike: 504s the app answers itself when its upstream times out, far inside the idle timeout.</summary>
[Collection(SandboxReads.Name)]
public sealed class Alb504TimeoutLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-app-504-upstream";

    [Fact]
    public async Task Investigate_AppsOwn504sWellInsideTheIdleTimeout_IsRuledOutWithTheSlowestRequest()
    {
        var verdict = await new Alb504TimeoutPlaybook().InvestigateAsync(await sandbox.ServiceContextAsync("fx-gateway"), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains("No request of service fx-gateway came near its 60 s idle timeout of prod-partners in the last hour (slowest 27.8 s)",
            verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Fact.StartsWith("load balancer prod-partners HTTPCode_ELB_504_Count", StringComparison.Ordinal)
            && e.Value == "0");
        Assert.Contains("are the targets' own answers (HTTPCode_Target_5XX_Count), and prod-partners answered no 504 itself", verdict.RootCause,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_AppsOwn504s_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
