using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 10's "CNI not ready" half: a sandbox refused by ipamd because aws-node on the pod's node is failing.</summary>
[Collection(SandboxReads.Name)]
public sealed class EksPodsContainerCreatingCniTests(SandboxEvidenceFixture sandbox)
{
    private const string Incident = "p10-eks-cni-not-ready";
    private const string AwsNodePod = "kube-system/aws-node-";

    [Fact]
    public async Task Diagnose_AwsNodeDeniedEc2_ConfirmsCniNotReadyNamingTheAwsNodePodAndItsCause()
    {
        var report = await sandbox.DiagnoseAsync(Incident);

        var first = report.Verdicts[0];
        Assert.Equal((EksPodsContainerCreating.Number, VerdictStatus.Confirmed, CniNotReady.SubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("The VPC CNI is not ready on node ip-10-0-39-58.ec2.internal, so pod shop/recommendations-7c5d8b9f4-q6w2z gets no network: "
            + "aws-node pod " + AwsNodePod, first.RootCause, StringComparison.Ordinal);
        Assert.Contains("is not Ready (not ready, CrashLoopBackOff, 14 restarts, last exit 1 (Error)): the VPC CNI is denied the EC2 calls it needs "
            + "(Unauthorized operation: failed to call ec2:DescribeNetworkInterfaces due to missing permissions.", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Fix, f => f.Contains("AmazonEKS_CNI_Policy", StringComparison.Ordinal)
            && f.Contains("eks.amazonaws.com/role-arn", StringComparison.Ordinal));
        Assert.Matches(@"^kubectl --context sandbox-eks -n kube-system logs aws-node-[0-9a-f]{5} -c aws-node --previous --tail 20 "
            + "&& kubectl --context sandbox-eks -n kube-system get ds aws-node$", first.Confirm);
    }

    [Fact]
    public async Task Investigate_AwsNodeDeniedEc2_ShowsTheDaemonSetCountsTheLastLinesAndTheNode()
    {
        var verdict = await new EksPodsContainerCreatingPlaybook().InvestigateAsync(await sandbox.PodContextAsync(Incident), CancellationToken.None);

        Assert.Contains(verdict.Evidence, e => e.Source == "kubernetes:events"
            && e.Value.Contains("127.0.0.1:50051: connect: connection refused", StringComparison.Ordinal));
        // Every node of the sandbox's cluster runs aws-node; three are not ready (this one's, and two on nodes that are not Ready).
        Assert.Contains(verdict.Evidence, e => e.Fact == "ready of desired" && e.Value.StartsWith("9 of 12 ready, 3 unavailable", StringComparison.Ordinal));
        Assert.Contains(verdict.Evidence, e => e.Fact == "aws-node last lines (previous run)"
            && e.Value.EndsWith("level=error msg=\"Failed to wait for IPAM daemon to complete\" error=\"exit status 1\"", StringComparison.Ordinal));
        Assert.Contains(verdict.Evidence, e => e.Fact == "aws-node MissingIAMPermissions (14 times)");
        Assert.Contains(verdict.Evidence, e => e.Fact == "node ip-10-0-39-58.ec2.internal Ready" && e.Value.StartsWith("True", StringComparison.Ordinal));
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public async Task Investigate_AwsNodePodsDenied_IsLikelyAnotherSandboxFailureAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync(Incident);
        sandbox.Sandbox.Faults.Set("kubernetes", "pods", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await new EksPodsContainerCreatingPlaybook().InvestigateAsync(context, CancellationToken.None);

            Assert.Equal((VerdictStatus.Likely, EksPodsContainerCreatingPlaybook.OtherSandboxFailure), (verdict.Status, verdict.SubCause));
            Assert.Contains(verdict.Missing, g => g.Source == "kubernetes");
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }

    [Fact]
    public void Failing_AwsNodeReadyOnTheNode_IsFalse()
    {
        var ready = new KubeContainerStatus { Name = AwsNodeOnNode.Container, Ready = true, Running = true, RestartCount = 1 };

        Assert.False(Cni(ready, []).Failing);
        Assert.True(Cni(ready with { Ready = false }, []).Failing);
    }

    [Theory]
    [InlineData("{\"level\":\"error\",\"caller\":\"wait/wait.go:211\",\"msg\":\"Unable to reach API Server, "
        + "Get \\\"https://10.100.0.1:443/version?timeout=5s\\\"\"}",
        nameof(CniFailureCause.ApiServerUnreachable))] // aws/amazon-vpc-cni-k8s#1988
    [InlineData("{\"level\":\"error\",\"caller\":\"ipamd/ipamd.go:444\",\"msg\":\"Failed to call ec2:DescribeNetworkInterfaces for [eni-0b70601dc9]: "
        + "UnauthorizedOperation: You are not authorized to perform this operation.\"}",
        nameof(CniFailureCause.IamPermissions))] // aws/karpenter-provider-aws#1185
    [InlineData("time=\"2025-03-01T14:03:52Z\" level=info msg=\"Checking for IPAM connectivity... \"",
        nameof(CniFailureCause.Unknown))] // aws/amazon-vpc-cni-k8s#3224
    public void CauseOf_AwsNodeLogLine_NamesTheCause(string line, string cause)
    {
        var failing = new KubeContainerStatus { Name = AwsNodeOnNode.Container, WaitingReason = "CrashLoopBackOff" };

        Assert.Equal(cause, CniNotReady.CauseOf(Cni(failing, [line])).ToString());
    }

    private static AwsNodeOnNode Cni(KubeContainerStatus status, IReadOnlyList<string> lines) =>
        new(null,
            new KubePod { Namespace = AwsNodeOnNode.Namespace, Name = "aws-node-x7k2p", NodeName = "ip-10-0-1-5.ec2.internal", ContainerStatuses = [status] },
            null, [], lines, false, []) { PodsRead = true };
}
