using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 10 against its look-alike: a FailedCreatePodSandBox while ipamd restarted, then the sandbox was made and the pod runs.</summary>
[Collection(SandboxReads.Name)]
public sealed class EksPodsContainerCreatingLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-ipamd-restarted";

    [Fact]
    public async Task Investigate_SandboxFailureThatRecovered_IsRuledOutWithThePodRunning()
    {
        var verdict = await new EksPodsContainerCreatingPlaybook().InvestigateAsync(await sandbox.PodContextAsync(Lookalike), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains("sandbox failed 4 time(s) but was created since: the pod is Running and its containers run and are Ready",
            verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Source == "kubernetes:events"
            && e.Value.Contains("127.0.0.1:50051: connect: connection refused", StringComparison.Ordinal));
        Assert.Equal("kubectl --context sandbox-eks -n payments describe pod settlement-worker-7d9f8b6c5-r4t8n", verdict.Confirm);
    }

    [Fact]
    public async Task Diagnose_SandboxFailureThatRecovered_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
