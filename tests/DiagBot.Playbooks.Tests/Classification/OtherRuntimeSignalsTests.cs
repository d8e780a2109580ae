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
    // Sweep (lookalikes-2), broadinstitute/gene-hints#25: a GitHub Actions step, not a task, exited 137.
    [InlineData("Error: Process completed with exit code 137.", EvidenceField.Log, "CI runner")]
    // gladiusio/gladius-archive-node#5: a Dockerfile's npm install was killed while the image built.
    [InlineData("ERROR: Service 'web' failed to build: The command '/bin/sh -c npm install --quiet' returned a non-zero code: 137",
        EvidenceField.Log, "image build step")]
    // mattermost/mattermost-plugin-jira#544: Docker on a laptop given too little memory.
    [InlineData("Our solution has been to increase the amount of memory allocated for docker to use.", EvidenceField.SymptomText, "local machine")]
    // MicrosoftDocs/azure-docs PR 110861: Azure's gateway, not the ALB, answered 504.
    [InlineData("Azure application Gateway V2 SKU sent HTTP 504 errors if the backend response time exceeds the time-out value",
        EvidenceField.SymptomText, "gateway other than the ALB")]
    // istio/istio#29109: the mesh's sidecar answered 503 with its UH flag.
    [InlineData("Sidecar returns 503 UH, but my service is Healthy", EvidenceField.SymptomText, "gateway other than the ALB")]
    // aws/apprunner-roadmap#210: App Runner's own health check.
    [InlineData("[AppRunner] Health check failed on port '3000'. Check your configured port number.", EvidenceField.Log, "another AWS platform")]
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

    [Theory]
    // The contexts name themselves only when no ECS, EKS or ALB object is named beside them: an ECS deploy from GitHub Actions
    // whose task cannot pull (aws-actions/amazon-ecs-deploy-task-definition#43), an ALB's 503 page that says "No healthy upstream"
    // (batch 11), an ELB's 504 in front of ingress-nginx (training), an Istio install whose CoreDNS pod is Pending (training).
    [InlineData("After inspecting stopped tasks I found CannotPullContainerError while the GitHub Actions workflow kept pending at the deploy step",
        EvidenceField.SymptomText, 2)]
    [InlineData("Your ALB is up. But every single request comes back with: 503 Service Temporarily Unavailable - No healthy upstream",
        EvidenceField.SymptomText, 5)]
    [InlineData("http 504 response from AWS ELB when using ingress-nginx-controller", EvidenceField.SymptomText, 13)]
    [InlineData("Seeing `OOMKilled` couple of times when installing a chart", EvidenceField.SymptomText, 7)]
    // An app started with `npm start` and killed prints npm's errno 137 as a build does; only a build's script name is a build.
    [InlineData("[1] Killed\n[1] npm ERR! code ELIFECYCLE\n[1] npm ERR! errno 137", EvidenceField.Log, 7)]
    public void Classify_ARealFailureBesideAnotherContextsName_KeepsItsPlaybook(string text, EvidenceField field, int playbook)
    {
        var result = new SymptomClassifier().Classify(text, field, null);

        Assert.Equal(playbook, result.Playbook);
    }
}
