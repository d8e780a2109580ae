using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>Batch 20's look-alikes from runtimes beside ECS and EKS: each reads none and names what it is instead.</summary>
public sealed class OtherRuntimeSignalsTests
{
    [Theory]
    // istio/istio#17539: Envoy answered 503 for an upstream it could not reach.
    [InlineData("503 UAEX “”UNAVAILABLE:upstream connect error or disconnect/reset before headers", EvidenceField.Log, "service mesh proxy")]
    // aws/aws-lambda-dotnet#480: a Lambda function's runtime, not a container task, exited 137.
    [InlineData("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: d88fc138-1756-4e8f-b887-d44851c12b84 "
        + "Error: Runtime exited with error: exit status 137\"}", EvidenceField.Log, "Lambda function")]
    // kubernetes/kubeadm#587: the CNI could not tear down a deleted pod's network.
    [InlineData("killPodWithSyncResult failed: failed to \"KillPodSandbox\" for \"9a5ea476-d946-11e7-a964-02b983f0a4db\" with KillPodSandboxError: "
        + "\"rpc error: code = Unknown desc = NetworkPlugin cni failed to teardown pod \\\"kube-dns-545bc4bfd4-djsm4_kube-system\\\" network\"",
        EvidenceField.Log, "tearing down a deleted pod's network")]
    public void Classify_AnotherRuntimesMessageWithAFailureModesWords_IsNoneAndSaysWhatItIs(string text, EvidenceField field, string named)
    {
        var result = new SymptomClassifier().Classify(text, field, null);

        Assert.Null(result.Playbook);
        Assert.Contains(named, result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_AnAlbsOwn503_StillReadsPlaybook5()
    {
        // The mesh rule is Envoy's wording only: the load balancer's own 503 page is still the load balancer's.
        var result = new SymptomClassifier().Classify("503 Service Temporarily Unavailable from the ALB: the target group has no registered targets",
            EvidenceField.SymptomText, null);

        Assert.Equal(DiagBot.Playbooks.FailureModes.Alb503NoTargets.Number, result.Playbook);
    }
}
