using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Playbook 6 on EKS for a pod with security groups of its own: its branch interface's groups, read by the id the VPC
/// resource controller wrote in vpc.amazonaws.com/pod-eni, decide the path; its node's groups (which admit the ALB here)
/// do not.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class TargetsUnhealthyOnEksPodSecurityGroupTests(SandboxEvidenceFixture sandbox)
{
    private const string Incident = "p06-eks-pod-sg-blocks-alb";
    private const string Pod = "payments/ledger-api-6c8f7b9d4-x7q2p";

    [Fact]
    public async Task Diagnose_PodGroupWithoutARuleForTheAlbWhileTheNodeAdmitsIt_ConfirmsTheBlockedPathNamingThePodGroup()
    {
        var report = await sandbox.DiagnoseAsync(Incident);

        var first = report.Verdicts[0];
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause),
            (first.Playbook, first.Status, first.SubCause));
        var branch = Assert.Single(first.Evidence, e => e.Source == "ec2:DescribeNetworkInterfaces");
        var eni = branch.Fact.Split(' ')[2];
        Assert.Matches("^eni-[0-9a-f]{17}$", eni);
        Assert.Equal($"branch interface {eni} of pod {Pod} security groups", branch.Fact);
        var podGroup = branch.Value;
        var albGroup = Assert.Single(first.Evidence, e => e.Source == "elasticloadbalancing:DescribeLoadBalancers").Value;
        var nodeGroup = Assert.Single(first.Evidence, e => e.Fact == "instance i-0a3f9c2b7d41e5a01 of node ip-10-0-4-21.ec2.internal security groups").Value;
        Assert.NotEqual(nodeGroup, podGroup);
        Assert.Contains(first.Evidence, e => e.Fact == $"security group {podGroup} inbound TCP 8080" && e.Value == $"8080 from {nodeGroup}");
        Assert.Contains($"no inbound rule of pod {Pod}'s branch interface {eni}'s security group(s) {podGroup} admits tcp 8080 "
            + $"from the load balancer's group(s) {albGroup} (only from {nodeGroup})", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(
            $"aws ec2 authorize-security-group-ingress --region us-east-1 --group-id {podGroup} --protocol tcp --port 8080 --source-group {albGroup}",
            first.Fix[0], StringComparison.Ordinal);
        Assert.Contains($"(on its branch interface {eni}, assigned by SecurityGroupPolicy payments/ledger-api-sgp, whose podSelector app=ledger-api "
            + $"selects pod {Pod})", first.Fix[0], StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:securitygrouppolicies"
            && e.Fact == $"SecurityGroupPolicy ledger-api-sgp selecting pod {Pod}" && e.Value == $"podSelector app=ledger-api; groupIds {podGroup}");
        Assert.StartsWith($"aws ec2 describe-network-interfaces --region us-east-1 --network-interface-ids {eni} ", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(" && kubectl --context sandbox-eks -n payments get securitygrouppolicy ledger-api-sgp -o yaml && ", first.Confirm,
            StringComparison.Ordinal);
        Assert.Contains($"aws ec2 describe-security-groups --region us-east-1 --group-ids {podGroup} {albGroup} ", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_BranchInterfaceDenied_IsLikelyNamingTheGapNotClearedByTheNode()
    {
        var context = await sandbox.PodContextAsync(Incident);

        var verdict = await sandbox.InvestigateDeniedAsync(new TargetsUnhealthyPlaybook(), context, "ec2", "DescribeNetworkInterfaces");

        Assert.Equal((VerdictStatus.Likely, TargetsUnhealthyPlaybook.TimeoutSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, g => g.Source == "ec2" && g.Operation == "DescribeNetworkInterfaces");
        Assert.Contains("(the pod's own security groups (vpc.amazonaws.com/pod-eni) were not read)", verdict.RootCause, StringComparison.Ordinal);
        Assert.DoesNotContain("admit the load balancer", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_SecurityGroupPoliciesForbidden_StaysConfirmedNamingTheGap()
    {
        var context = await sandbox.PodContextAsync(Incident);

        var verdict = await sandbox.InvestigateDeniedAsync(new TargetsUnhealthyPlaybook(), context, "kubernetes", "securitygrouppolicies");

        Assert.Equal((VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause), (verdict.Status, verdict.SubCause));
        var gap = Assert.Single(verdict.Missing);
        Assert.Equal(("kubernetes", "list securitygrouppolicies", GapReason.AccessDenied), (gap.Source, gap.Operation, gap.Reason));
        Assert.Contains($"assigned by the SecurityGroupPolicy that selects pod {Pod} (the policies were not read: RBAC 'list securitygrouppolicies' denied",
            verdict.Fix[0], StringComparison.Ordinal);
        Assert.DoesNotContain("get securitygrouppolicy", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_SecurityGroupPolicyCrdNotServed_StaysConfirmedSayingSo()
    {
        var context = await sandbox.PodContextAsync(Incident);
        var crdMissing = context with { Evidence = new WithoutSecurityGroupPolicies(context.Evidence) };

        var verdict = await new TargetsUnhealthyPlaybook().InvestigateAsync(crdMissing, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause), (verdict.Status, verdict.SubCause));
        Assert.Equal(("list securitygrouppolicies", GapReason.NotFound), (Assert.Single(verdict.Missing).Operation, verdict.Missing[0].Reason));
        Assert.Contains($"assigned by the SecurityGroupPolicy that selects pod {Pod} (the cluster serves no SecurityGroupPolicy resource: "
            + "NotFound: the server could not find the requested resource)", verdict.Fix[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_PodGroupAdmitsTheAlbWhileTheNodeGroupHasNoRule_IsRuledOutAsHealthy()
    {
        var verdict = await new TargetsUnhealthyPlaybook().InvestigateAsync(
            await sandbox.PodContextAsync("lookalike-eks-pod-sg-admits-alb"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("k8s-checkout-couponap-3d9f1b6e27: healthy, 2 of 2 targets healthy", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_PodGroupAdmitsTheAlbWhileTheNodeGroupHasNoRule_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync("lookalike-eks-pod-sg-admits-alb");

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
    }
}
