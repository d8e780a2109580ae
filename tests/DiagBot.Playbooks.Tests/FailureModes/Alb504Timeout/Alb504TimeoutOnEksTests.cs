using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Playbook 13 on EKS: the idle timeout of the load balancer a TargetGroupBinding's group is attached to, against the request
/// durations in the pod's own log lines; the 504s the load balancer answered itself against the targets' own 5XX.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class Alb504TimeoutOnEksTests(SandboxEvidenceFixture sandbox)
{
    private const string Balancer = "k8s-payments-invoicer-4b1e9c07d2";

    [Fact]
    public async Task Diagnose_StatementsOutliveTheIdleTimeout_ConfirmsWithTheIngressAnnotationFix()
    {
        var report = await sandbox.DiagnoseAsync("p13-eks-alb-504");

        var first = report.Verdicts[0];
        Assert.Equal((Alb504Timeout.Number, VerdictStatus.Confirmed, Alb504TimeoutPlaybook.IdleTimeoutExceededSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"Load balancer {Balancer} gives up after its 60 s idle timeout while pod payments/invoice-render-5f8c7d9b6-h2k9v takes up to 93 s",
            first.RootCause, StringComparison.Ordinal);
        Assert.Contains("its target is healthy", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:pods/log" && e.Value.Contains("\"responseTime\":92877", StringComparison.Ordinal));
        Assert.Contains(first.Evidence, e => e.Fact == $"load balancer {Balancer} HTTPCode_ELB_504_Count in the last 3 h" && e.Value != "0");
        Assert.Contains(first.Fix, step => step.Contains("on Ingress payments/invoice-render, whose controller made", StringComparison.Ordinal)
            && step.Contains("`alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=150`", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Fix, step => step.Contains("aws elbv2 modify-load-balancer-attributes", StringComparison.Ordinal));
        Assert.Contains("kubectl --context sandbox-eks -n payments logs invoice-render-5f8c7d9b6-h2k9v -c invoice-render --tail 500", first.Confirm,
            StringComparison.Ordinal);
        Assert.StartsWith("aws elbv2 describe-load-balancer-attributes --region us-east-1 --load-balancer-arn arn:aws:elasticloadbalancing:", first.Confirm,
            StringComparison.Ordinal);
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Investigate_PodsOwn504sFromItsUpstream_IsRuledOutNamingTheTargets5xx()
    {
        var context = await sandbox.PodContextAsync("lookalike-eks-app-504-upstream");

        var verdict = await new Alb504TimeoutPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains("No request of pod shop/price-quote-84d6b9c7f-x5m2t came near its 60 s idle timeout of k8s-shop-pricequo-7d2f4a91c3",
            verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("(slowest 9.8 s)", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("are the targets' own answers (HTTPCode_Target_5XX_Count), and k8s-shop-pricequo-7d2f4a91c3 answered no 504 itself",
            verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p08-eks-pod-crash-loop")]
    [InlineData("healthy-pod-shop-web")]
    public async Task Investigate_PodWithoutTargetGroupBinding_IsRuledOut(string scenario)
    {
        var verdict = await new Alb504TimeoutPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("so no load balancer times its requests out", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_PodLogsDenied_IsInconclusiveAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync("p13-eks-alb-504");

        var verdict = await sandbox.InvestigateDeniedAsync(new Alb504TimeoutPlaybook(), context, "kubernetes", "pods/log");

        Assert.NotEqual(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains(verdict.Missing, g => g.Source == "kubernetes");
    }

    [Fact]
    public async Task Investigate_IdleTimeoutUnread_IsOnlyLikely()
    {
        var context = await sandbox.PodContextAsync("p13-eks-alb-504");

        var verdict = await sandbox.InvestigateDeniedAsync(new Alb504TimeoutPlaybook(), context, "elasticloadbalancing", "DescribeLoadBalancerAttributes");

        Assert.Equal(VerdictStatus.Likely, verdict.Status);
        Assert.Contains("the default 60 s idle timeout (its real value unread)", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Missing, g => g.Source == "elasticloadbalancing" && g.Operation == "DescribeLoadBalancerAttributes");
    }
}
