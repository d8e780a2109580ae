using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 6 on EKS: the pod's target in the group a TargetGroupBinding names, its reason code, the group's health check.</summary>
[Collection(SandboxReads.Name)]
public sealed class TargetsUnhealthyOnEksTests(SandboxEvidenceFixture sandbox)
{
    private const string Group = "k8s-checkout-checkout-6f2a9d41c7";

    [Fact]
    public async Task Diagnose_DefaultHealthCheckPathAnswered404_ConfirmsPathNotFoundWithTheAnnotationFix()
    {
        var report = await sandbox.DiagnoseAsync("p06-eks-targets-unhealthy");

        var first = report.Verdicts[0];
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.PathNotFoundSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"(10.0.7.44:8080) in {Group} is unhealthy (Target.ResponseCodeMismatch", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("the health check path / answers 404", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:targetgroupbindings"
            && e.Value.StartsWith("ip, checkout-web:80 -> target port 8080", StringComparison.Ordinal));
        Assert.Contains(first.Fix, step => step.Contains("alb.ingress.kubernetes.io/healthcheck-path", StringComparison.Ordinal)
            && step.Contains("/healthz (the path the pod's own readinessProbe checks)", StringComparison.Ordinal));
        Assert.StartsWith("aws elbv2 describe-target-health --region us-east-1 --target-group-arn arn:aws:elasticloadbalancing:", first.Confirm,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NewPodInInitialChecksDuringRollout_IsRuledOut()
    {
        var context = await sandbox.PodContextAsync("lookalike-eks-target-rollout");

        var verdict = await new TargetsUnhealthyPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("initial (Elb.InitialHealthChecking), 2 of 3 targets healthy", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("a rollout at work", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p08-eks-pod-crash-loop")]
    [InlineData("healthy-pod-shop-web")]
    public async Task Investigate_PodNoLoadBalancerTargets_IsRuledOut(string scenario)
    {
        var verdict = await new TargetsUnhealthyPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("No TargetGroupBinding", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TargetHealthDenied_IsInconclusiveAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync("p06-eks-targets-unhealthy");

        var verdict = await sandbox.InvestigateDeniedAsync(new TargetsUnhealthyPlaybook(), context, "elasticloadbalancing", "DescribeTargetHealth");

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Contains(verdict.Missing, g => g.Source == "elasticloadbalancing" && g.Operation == "DescribeTargetHealth");
    }
}
