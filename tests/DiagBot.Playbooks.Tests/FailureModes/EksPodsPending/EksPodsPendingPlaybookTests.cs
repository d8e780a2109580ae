using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class EksPodsPendingPlaybookTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_SeededPendingPod_ConfirmsInsufficientMemoryFirst()
    {
        var report = await sandbox.DiagnoseAsync("p09-pod-pending");

        var first = report.Verdicts[0];
        Assert.Equal((EksPodsPending.Number, VerdictStatus.Confirmed, SchedulingMessage.InsufficientResources), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("3 Insufficient memory", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("kubectl --context sandbox-eks -n payments describe pod ledger-api-6c8f7d9b5-q2w8x", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:nodes");
    }

    [Theory]
    [InlineData("lookalike-pod-just-scheduled")]
    [InlineData("healthy-pod-shop-web")]
    [InlineData("p10-pod-container-creating")]
    public async Task Investigate_ScheduledPods_AreRuledOut(string scenario)
    {
        var verdict = await new EksPodsPendingPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_NodesDenied_StillConfirmsFromTheSchedulerAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync("p09-pod-pending");
        sandbox.Sandbox.Faults.Set("kubernetes", "nodes", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await new EksPodsPendingPlaybook().InvestigateAsync(context, CancellationToken.None);

            Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
            Assert.Equal(GapReason.AccessDenied, Assert.Single(verdict.Missing).Reason);
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }

    [Theory]
    [InlineData("0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: batch}, 3 Insufficient memory. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.", 0, 4, SchedulingMessage.InsufficientResources)]
    [InlineData("0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.", 0, 3, SchedulingMessage.UntoleratedTaint)]
    [InlineData("0/5 nodes are available: 2 Insufficient cpu, 3 node(s) didn't match Pod's node affinity/selector.", 0, 5, SchedulingMessage.NodeAffinity)]
    [InlineData("0/2 nodes are available: 2 node(s) had volume node affinity conflict.", 0, 2, SchedulingMessage.NodeAffinity)]
    public void ParseSchedulingMessage_RealWordings_CountsReasons(string message, int available, int total, string subCause)
    {
        var parsed = SchedulingMessage.Parse(message)!;

        Assert.Equal((available, total, subCause), (parsed.AvailableNodes, parsed.TotalNodes, parsed.MainSubCause));
    }

    [Fact]
    public void ParseSchedulingMessage_NoNodesAtAll_IsNoNodes()
    {
        Assert.Equal(SchedulingMessage.NoNodes, SchedulingMessage.Parse("no nodes available to schedule pods")!.MainSubCause);
    }
}
