using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 11 on EKS: a Spot reclaim told from a planned disruption by the node's events and its instance.</summary>
[Collection(SandboxReads.Name)]
public sealed class SpotInterruptionOnEksTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_PodOnReclaimedSpotNode_ConfirmsSpotFirstWithTheNodesEvents()
    {
        var report = await sandbox.DiagnoseAsync("p11-eks-spot-node-reclaimed");

        var first = report.Verdicts[0];
        Assert.Equal((SpotInterruption.Number, VerdictStatus.Confirmed, SpotReclaimOnEks.HandledSubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("Spot reclaimed node ip-10-0-41-77.ec2.internal", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:events" && e.Value == "Spot interruption warning was triggered");
        Assert.Contains(first.Evidence, e => e.Fact == "node ip-10-0-41-77.ec2.internal capacity type" && e.Value == "spot");
        Assert.Contains(first.Fix, step => step.Contains("on-demand base", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(first.Fix, step => step.Contains("PodDisruptionBudget", StringComparison.Ordinal));
        Assert.Equal("kubectl --context sandbox-eks get events -n default --field-selector involvedObject.kind=Node,involvedObject.name=ip-10-0-41-77.ec2.internal --sort-by=.metadata.creationTimestamp", first.Confirm);
    }

    [Fact]
    public async Task Investigate_KarpenterConsolidation_IsRuledOutAsPlanned()
    {
        var verdict = await new SpotInterruptionPlaybook().InvestigateAsync(await sandbox.PodContextAsync("lookalike-karpenter-consolidation"), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, SpotReclaimOnEks.PlannedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("Disrupting Node: Underutilized", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("on-demand", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("healthy-pod-shop-web")]
    [InlineData("p07-eks-pod-oom")]
    public async Task Investigate_PodsWhoseNodeStayed_AreRuledOut(string scenario)
    {
        var verdict = await new SpotInterruptionPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }
}
