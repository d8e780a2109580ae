using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 15 on EKS: what the pod and node show is confirmed; what only kubectl's message shows is likely.</summary>
[Collection(SandboxReads.Name)]
public sealed class KubectlExecFailsTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_PodOnANodeThatStoppedPosting_ConfirmsNodeNotReady()
    {
        var report = await sandbox.DiagnoseAsync("p15-eks-kubectl-exec-fails");

        var first = report.Verdicts[0];
        Assert.Equal((EcsExecFails.Number, VerdictStatus.Confirmed, KubectlExecFails.NodeNotReadySubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Equal("kubectl exec cannot open a session", first.Title);
        Assert.Contains("Kubelet stopped posting node status.", first.RootCause, StringComparison.Ordinal);
        Assert.Equal("kubectl --context sandbox-eks get node ip-10-0-44-87.ec2.internal -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{\"\\n\"}{end}'", first.Confirm);
    }

    [Fact]
    public async Task Investigate_NodesDenied_IsNotConfirmedAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync("p15-eks-kubectl-exec-fails");
        context = context with { Subject = context.Subject with { Symptom = "error dialing backend: dial tcp 10.0.44.87:10250: i/o timeout" } };

        var verdict = await sandbox.InvestigateDeniedAsync(new EcsExecFailsPlaybook(), context, "kubernetes", "nodes");

        Assert.NotEqual(VerdictStatus.Confirmed, verdict.Status);
        Assert.Contains(verdict.Missing, gap => gap.Operation == "list nodes");
    }

    [Theory]
    [InlineData("Error from server (Forbidden): pods \"worker-6f7d8c9b5-abcde\" is forbidden: User \"dev\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"jobs\"", KubectlExecFails.ExecForbiddenSubCause, "auth can-i create pods --subresource=exec")]
    [InlineData("error: unable to upgrade connection: Forbidden", KubectlExecFails.ExecForbiddenSubCause, "auth can-i create pods --subresource=exec")]
    [InlineData("error: unable to upgrade connection: Forbidden (user=kube-apiserver-kubelet-client, verb=create, resource=nodes, subresource=proxy)", KubectlExecFails.KubeletDeniedSubCause, "auth can-i create nodes --subresource=proxy --as kube-apiserver-kubelet-client")]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown", KubectlExecFails.NoShellSubCause, "debug -it worker-6f7d8c9b5-abcde --image=busybox:1.36 --target=worker")]
    public async Task Investigate_HealthyPodAndWhatKubectlSaid_IsLikelyWithTheSettlingCommand(string said, string subCause, string confirm)
    {
        var verdict = await KubectlExecWorld.InvestigateAsync(KubectlExecWorld.ReadyNode(), said);

        Assert.Equal((VerdictStatus.Likely, subCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(confirm, verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KubectlExecWordsAroundAPodInACluster_IsThePodWithTheWordsAsSymptom()
    {
        var subject = Assert.IsType<DiagBot.Playbooks.Triage.PodSubject>(DiagBot.Playbooks.Triage.SubjectParser.Parse("kubectl exec fails on pod shop/web-7f9c6d5b8-k7p2n in sandbox-eks").Subject);

        Assert.Equal(("shop", "web-7f9c6d5b8-k7p2n", "sandbox-eks", "kubectl exec fails on"), (subject.Namespace, subject.Pod, subject.Cluster, subject.Symptom));
    }

    [Fact]
    public async Task Investigate_ContainerInCrashLoop_ConfirmsContainerNotRunning()
    {
        var world = new FakePodWorld();
        var pod = FakePodWorld.Pod(new KubeContainerStatus { Name = "worker", WaitingReason = "CrashLoopBackOff", RestartCount = 4 });

        var verdict = await new EcsExecFailsPlaybook().InvestigateAsync(world.Context(pod, "error: unable to upgrade connection: container not found (\"worker\")"), CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, KubectlExecFails.ContainerNotRunningSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("CrashLoopBackOff", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ContainerNameNotInThePod_ConfirmsAndListsTheContainers()
    {
        var verdict = await KubectlExecWorld.InvestigateAsync(new FakePodWorld(), "kubectl exec -it worker-6f7d8c9b5-abcde -c shell -- sh fails");

        Assert.Equal((VerdictStatus.Confirmed, KubectlExecFails.ContainerNotInPodSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("no container named shell; its containers are worker", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_CompletedPod_ConfirmsPodNotRunning()
    {
        var world = new FakePodWorld();
        var pod = FakePodWorld.Pod(new KubeContainerStatus { Name = "worker", TerminatedReason = "Completed", TerminatedExitCode = 0 }, phase: "Succeeded");

        var verdict = await new EcsExecFailsPlaybook().InvestigateAsync(world.Context(pod, "error: cannot exec into a container in a completed pod; current phase is Succeeded"), CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, KubectlExecFails.PodNotRunningSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_HealthyPodNoError_RulesOutThePodSide()
    {
        var verdict = await new EcsExecFailsPlaybook().InvestigateAsync(await sandbox.PodContextAsync("healthy-pod-shop-web"), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, KubectlExecFails.PodSideReadySubCause), (verdict.Status, verdict.SubCause));
    }
}
