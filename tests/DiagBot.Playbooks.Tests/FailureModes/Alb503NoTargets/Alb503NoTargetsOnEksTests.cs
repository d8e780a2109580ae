using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 5 on EKS: the group a TargetGroupBinding fills is empty, and the Service it names says why.</summary>
[Collection(SandboxReads.Name)]
public sealed class Alb503NoTargetsOnEksTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_ServiceSelectorLostItsPods_ConfirmsTheEmptyGroupAndTheLabelsThatDiffer()
    {
        var report = await sandbox.DiagnoseAsync("p05-eks-alb-503");

        var first = report.Verdicts[0];
        Assert.Equal((Alb503NoTargets.Number, VerdictStatus.Confirmed, PodNoTargets.SelectorMatchesNoPodSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("target group k8s-checkout-receipta-5e1d8b3f9a has no registered targets", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("Service receipt-api selects app=receipt-api and no pod of namespace checkout carries it", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("carries app.kubernetes.io/name=receipt-api", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("kubectl --context sandbox-eks -n checkout get pods --show-labels", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_GroupWithHealthyTargets_IsRuledOut()
    {
        var context = await sandbox.PodContextAsync("lookalike-eks-503-registered");

        var verdict = await new Alb503NoTargetsPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("k8s-checkout-loyaltya-2c7e91b04d has 3 registered target(s) in use", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p08-eks-pod-crash-loop")]
    [InlineData("healthy-pod-shop-web")]
    public async Task Investigate_PodWithoutTargetGroupBinding_IsRuledOut(string scenario)
    {
        var verdict = await new Alb503NoTargetsPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_PodsListDenied_IsLikelyAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync("p05-eks-alb-503");

        var verdict = await sandbox.InvestigateDeniedAsync(new Alb503NoTargetsPlaybook(), context, "kubernetes", "pods");

        Assert.Equal(VerdictStatus.Likely, verdict.Status);
        Assert.Contains(verdict.Missing, g => g.Source == "kubernetes");
    }
}
