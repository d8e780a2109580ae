using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Playbook 15 on EKS reading the kubelet path itself: a one-line log read through the API server, and when it cannot
/// dial the kubelet, the node's security groups against the control plane's.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class KubeletPathTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Investigate_DialTimeoutWhereTheNodesGroupsCannotBeRead_IsLikelyPortBlockedWithTheNodesGroupsCommand()
    {
        var world = KubectlExecWorld.ReadyNode(DialTimeout("10.0.1.5"));

        var verdict = await KubectlExecWorld.InvestigateAsync(world, "kubectl exec hangs");

        Assert.Equal((VerdictStatus.Likely, KubectlExecFails.KubeletPortBlockedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("answered `dial tcp 10.0.1.5:10250: i/o timeout`", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("could not be read", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_LogReadUnansweredWithinTheCallTimeout_ReadsAsTheApiServerStillDialing()
    {
        // A real API server answers a dropped dial only after 30 s, so DiagBot's own read times out first.
        var world = KubectlExecWorld.ReadyNode(
            new EvidenceGap("kubernetes", "get pods/log", GapReason.TimedOut, "no answer from kubernetes in test-eks within 3s"));
        var pod = FakePodWorld.Pod(KubectlExecWorld.RunningWorker) with { HostIp = "10.0.1.5" };

        var verdict = await new EcsExecFailsPlaybook().InvestigateAsync(world.Context(pod, "kubectl exec hangs"), CancellationToken.None);

        Assert.Equal((VerdictStatus.Likely, KubectlExecFails.KubeletPortBlockedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("it is still dialing 10.0.1.5:10250, which it gives up after 30 s with `dial tcp 10.0.1.5:10250: i/o timeout`",
            verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_KubectlQuotedADialTimeoutButTheKubeletAnswersNow_IsRuledOut()
    {
        var world = KubectlExecWorld.ReadyNode();

        var verdict = await KubectlExecWorld.InvestigateAsync(world, "Error from server: error dialing backend: dial tcp 10.0.1.5:10250: i/o timeout");

        Assert.Equal((VerdictStatus.RuledOut, KubectlExecFails.KubeletReachableSubCause), (verdict.Status, verdict.SubCause));
        Assert.Equal("kubectl --context test-eks -n jobs logs worker-6f7d8c9b5-abcde -c worker --tail 1", verdict.Confirm);
    }

    [Fact]
    public async Task Diagnose_NodeWhoseSecurityGroupKeepsTheControlPlaneOffPort10250_ConfirmsFromDiagBotsOwnRead()
    {
        var report = await sandbox.DiagnoseAsync("p15-eks-kubelet-port-blocked");

        var first = report.Verdicts[0];
        var nodeGroup = Assert.Single(first.Evidence, e => e.Fact == "instance i-0f3a8c61d2b7e4a09 of node ip-10-0-46-19.ec2.internal security groups").Value;
        var clusterGroup = Assert.Single(first.Evidence, e => e.Source == "eks:DescribeCluster").Value;
        Assert.Matches("^sg-[0-9a-f]{17}$", nodeGroup);
        Assert.Matches("^sg-[0-9a-f]{17}$", clusterGroup);
        Assert.Equal((EcsExecFails.Number, VerdictStatus.Confirmed, KubectlExecFails.KubeletPortBlockedSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("answered `dial tcp 10.0.46.19:10250: i/o timeout`", first.RootCause, StringComparison.Ordinal);
        Assert.Contains($"none of instance i-0f3a8c61d2b7e4a09's security groups ({nodeGroup}) allows inbound TCP 10250 "
            + $"from the cluster's control-plane security groups ({clusterGroup})", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "ec2:DescribeSecurityGroups"
            && e.Value.StartsWith($"no rule on {nodeGroup}", StringComparison.Ordinal));
        Assert.Contains(
            $"aws ec2 authorize-security-group-ingress --region us-east-1 --group-id {nodeGroup} --protocol tcp --port 10250 --source-group {clusterGroup}",
            first.Fix[0], StringComparison.Ordinal);
        Assert.StartsWith($"aws ec2 describe-security-groups --region us-east-1 --group-ids {nodeGroup} ", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_KubeletThatAnswersAgainAfterATimeout_IsRuledOutWithTheReadThatReachedIt()
    {
        var report = await sandbox.DiagnoseAsync("lookalike-kubelet-back");

        var verdict = Assert.Single(report.Verdicts, v => v.Playbook == EcsExecFails.Number);
        Assert.Equal((VerdictStatus.RuledOut, KubectlExecFails.KubeletReachableSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Evidence, e => e.Source == "kubernetes:pods/log" && e.Value.StartsWith("reached:", StringComparison.Ordinal));
        Assert.DoesNotContain(verdict.Evidence, e => e.Source.StartsWith("ec2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_RbacRefusalOnAPodWhoseKubeletAnswers_IsRbacNotThePort()
    {
        var context = await sandbox.PodContextAsync("healthy-pod-shop-web");
        context = context with
        {
            Subject = context.Subject with
            {
                Symptom = "Error from server (Forbidden): pods \"web-7f9c6d5b8-k7p2n\" is forbidden: "
                    + "User \"dev\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"shop\"",
            },
        };

        var verdict = await new EcsExecFailsPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Likely, KubectlExecFails.ExecForbiddenSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Evidence, e => e.Source == "kubernetes:pods/log" && e.Value.StartsWith("reached:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_SecurityGroupsDenied_IsNotConfirmedAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync("p15-eks-kubelet-port-blocked");

        var verdict = await sandbox.InvestigateDeniedAsync(new EcsExecFailsPlaybook(), context, "ec2", "DescribeSecurityGroups");

        Assert.Equal((VerdictStatus.Likely, KubectlExecFails.KubeletPortBlockedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, gap => gap.Operation == "DescribeSecurityGroups");
    }

    private static EvidenceGap DialTimeout(string ip) => new(
        "kubernetes", "get pods/log", GapReason.Unreachable,
        $"HTTP 500: Get \"https://{ip}:10250/containerLogs/jobs/worker-6f7d8c9b5-abcde/worker?tailLines=1\": dial tcp {ip}:10250: i/o timeout");
}
