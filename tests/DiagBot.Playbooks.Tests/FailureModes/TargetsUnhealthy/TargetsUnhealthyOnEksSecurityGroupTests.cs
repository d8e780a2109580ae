using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Playbook 6 on EKS, a pod's target timing out: the load balancer's security groups against the inbound rules of the
/// pod's node's instance on the target port decide whether the path is blocked or the app is slow.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class TargetsUnhealthyOnEksSecurityGroupTests(SandboxEvidenceFixture sandbox)
{
    private const string Incident = "p06-eks-node-sg-blocks-alb";
    private const string NodeInstance = "i-0a3f9c2b7d41e5a01";

    [Fact]
    public async Task Diagnose_NodeGroupWithoutARuleForTheAlbOnTheTargetPort_ConfirmsTheBlockedPathWithTheRuleToAdd()
    {
        var report = await sandbox.DiagnoseAsync(Incident);

        var first = report.Verdicts[0];
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause),
            (first.Playbook, first.Status, first.SubCause));
        var nodeGroup = Assert.Single(first.Evidence, e => e.Fact == $"instance {NodeInstance} of node ip-10-0-4-21.ec2.internal security groups").Value;
        var albGroup = Assert.Single(first.Evidence, e => e.Source == "elasticloadbalancing:DescribeLoadBalancers").Value;
        Assert.Matches("^sg-[0-9a-f]{17}$", nodeGroup);
        Assert.Matches("^sg-[0-9a-f]{17}$", albGroup);
        Assert.Contains("(10.0.5.87:3000) in k8s-payments-invoicea-4b1e7d2c90 is unhealthy (Target.Timeout Request timed out)", first.RootCause,
            StringComparison.Ordinal);
        Assert.Contains($"no inbound rule of node {NodeInstance}'s security group(s) {nodeGroup} admits tcp 3000 from the load balancer's group(s) {albGroup}",
            first.RootCause, StringComparison.Ordinal);
        // The nodes' cluster security group lets in only itself (and the ALB on 8080, for the other apps' bindings).
        Assert.Contains(first.Evidence, e => e.Fact == $"security group {nodeGroup} inbound TCP 3000" && e.Value == $"all from {nodeGroup}");
        Assert.Contains(
            $"aws ec2 authorize-security-group-ingress --region us-east-1 --group-id {nodeGroup} --protocol tcp --port 3000 --source-group {albGroup}",
            first.Fix[0], StringComparison.Ordinal);
        Assert.Contains(first.Fix, step => step.Contains("has no spec.networking", StringComparison.Ordinal)
            && step.Contains("Ingress payments/invoice-api", StringComparison.Ordinal)
            && step.Contains("alb.ingress.kubernetes.io/manage-backend-security-group-rules: \"true\"", StringComparison.Ordinal));
        Assert.StartsWith($"aws ec2 describe-security-groups --region us-east-1 --group-ids {nodeGroup} {albGroup} ", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_PodBehindAnInstanceBinding_FindsItsTargetThroughItsNodeAndConfirmsTheNodePortBlocked()
    {
        var report = await sandbox.DiagnoseAsync("p06-eks-nodeport-blocked");

        var first = report.Verdicts[0];
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("(i-0c52e8a1f6b7d9c03:31847 (node ip-10-0-12-203.ec2.internal)) in k8s-payments-refundwe-9c3a6e58d1 is unhealthy "
            + "(Target.Timeout Request timed out)", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("admits tcp 31847 from the load balancer's group(s)", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:targetgroupbindings"
            && e.Value == "instance, refund-web:80 -> target port 8080, node port 31847");
        Assert.Contains(first.Evidence, e => e.Fact == "target i-0c52e8a1f6b7d9c03:31847 (node ip-10-0-12-203.ec2.internal) (pod refund-web-7d5c8b9f4-n4h6q)");
        Assert.Contains("--protocol tcp --port 31847 --source-group sg-", first.Fix[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NodeGroupsDenied_IsLikelyNamingTheAppAndTheGap()
    {
        var context = await sandbox.PodContextAsync(Incident);

        var verdict = await sandbox.InvestigateDeniedAsync(new TargetsUnhealthyPlaybook(), context, "ec2", "DescribeSecurityGroups");

        Assert.Equal((VerdictStatus.Likely, TargetsUnhealthyPlaybook.TimeoutSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, g => g.Source == "ec2" && g.Operation == "DescribeSecurityGroups");
        Assert.Contains("(the node's security groups were not read): container invoice-api of pod payments/invoice-api-5f7c9d8b6-w2k8r is slow there",
            verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NoRuleForTheListenerPortButTargetsHealthy_IsRuledOut()
    {
        var verdict = await new TargetsUnhealthyPlaybook().InvestigateAsync(
            await sandbox.PodContextAsync("lookalike-eks-alb-listener-port"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("k8s-checkout-giftcard-8e3f5a17b2: healthy, 2 of 2 targets healthy", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_NoRuleForTheListenerPortButTargetsHealthy_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync("lookalike-eks-alb-listener-port");

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
