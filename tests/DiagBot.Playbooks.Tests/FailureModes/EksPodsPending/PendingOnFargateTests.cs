using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 9 on Fargate: the cluster's profiles matched against the pod, the closest named with what differs.</summary>
[Collection(SandboxReads.Name)]
public sealed class PendingOnFargateTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_PodNoProfileSelects_NamesTheClosestProfileAndTheLabelNeverATolerationFix()
    {
        var report = await sandbox.DiagnoseAsync("p09-eks-no-fargate-profile");

        var first = report.Verdicts[0];
        Assert.Equal((EksPodsPending.Number, VerdictStatus.Confirmed, PendingOnFargate.NoProfileSubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("fp-reports", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("the selector wants label compute=fargate, the pod has compute=serverless", first.RootCause, StringComparison.Ordinal);
        Assert.StartsWith("Give the pod template of report-renderer-7c9d8b6f5-x2v4n the label(s) compute=fargate", first.Fix[0], StringComparison.Ordinal);
        Assert.DoesNotContain(first.Fix, step => step.StartsWith("Add a toleration", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:events" && e.Fact == "FailedScheduling (9 times)");
        Assert.Contains("aws eks describe-fargate-profile --region us-east-1 --cluster-name prod-eks --fargate-profile-name fp-reports", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_FargatePodStartingInARollout_IsRuledOut()
    {
        var verdict = await new EksPodsPendingPlaybook().InvestigateAsync(await sandbox.PodContextAsync("lookalike-fargate-pod-starting"), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, PendingOnFargate.ProvisioningSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("matches Fargate profile fp-reports", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_PendingPodOnEc2_KeepsTheSchedulersAnswer()
    {
        var verdict = await new EksPodsPendingPlaybook().InvestigateAsync(await sandbox.PodContextAsync("p09-pod-pending"), CancellationToken.None);

        Assert.Equal(SchedulingMessage.InsufficientResources, verdict.SubCause);
    }
}
