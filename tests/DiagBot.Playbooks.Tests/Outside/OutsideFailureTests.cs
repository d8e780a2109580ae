using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Outside;

public sealed class OutsideFailureTests
{
    [Theory]
    [InlineData("(service api-sandbox-gateway-Service-Bir1Z3K0mQoZ) was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.", EvidenceField.ServiceEvent, "service-quota")]
    [InlineData("An error occurred (AccessDeniedException) when calling the RunTask operation: User: arn:aws:sts::123456789:assumed-role/ci/fn is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789:role/ecsTaskExecutionRole because no identity-based policy allows the iam:PassRole action", EvidenceField.Log, "deployer-permission-denied")]
    // aws/copilot-cli#5640: the deploy tool's own change set refused, before any task ran.
    [InlineData("✘ check if changeset is empty: create change set copilot-4c8ffafd for stack my-app-test: ValidationError: S3 error: Access Denied",
        EvidenceField.Log, "deployer-permission-denied")]
    // aws-solutions-library-samples/data-transfer-hub#141: tags are written as a resource is created, by whoever creates it.
    [InlineData("xxxxxxx is not authorized to perform: dynamodb:TagResource on resource xxxx", EvidenceField.Log, "deployer-permission-denied")]
    [InlineData("Readiness probe failed: Get \"http://10.192.0.70:20000/readyz\": dial tcp 10.192.0.70:20000: connect: connection refused", EvidenceField.K8sEvent, "readiness-probe-at-startup")]
    [InlineData("Unable to attach or mount volumes: unmounted volumes=[secrets], unattached volumes=[secrets kube-api-access-f2mf8]: timed out waiting for the condition", EvidenceField.K8sEvent, "volume-mount-failed")]
    [InlineData("service docker-demo-app was unable to place a task because no container instance met all of its requirements. The closest matching container-instance af2a4711-2b8b-420a-8699-66623a6fa9c9 encountered error \"AGENT\".", EvidenceField.ServiceEvent, "agent-disconnected")]
    [InlineData("The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested", EvidenceField.Log, "image-platform-warning")]
    // The EKS troubleshooting page: a managed node group's health issue, and kubectl's own refusal before any cluster object is read.
    [InlineData("NodeCreationFailure: Instances failed to join the kubernetes cluster", EvidenceField.SymptomText, "nodegroup-unhealthy")]
    [InlineData("could not get token: AccessDenied: Access denied", EvidenceField.SymptomText, "cluster-access-denied")]
    // ECS's service action event for API throttling names the cause in one capitalised word (ecs_service_events.html).
    [InlineData("ECS_OPERATION_THROTTLED", EvidenceField.ServiceEvent, "api-rate-limit")]
    // The kubelet's waiting reason when the runtime could not start the container (pkg/kubelet/container/sync_result.go).
    [InlineData("RunContainerError", EvidenceField.PodStatus, "container-command-failed")]
    public void Classify_RecognisedFailureOutsideTheFifteen_IsNoneNamingItsCause(string text, EvidenceField field, string cause)
    {
        var sut = CreateSut();

        var result = sut.Classify(text, field, null);

        Assert.Null(result.Playbook);
        Assert.Contains(cause, result.Why, StringComparison.Ordinal);
        Assert.Equal([cause], sut.OutsideFailures(text, field, null));
    }

    [Fact]
    public void Classify_CrashLoopBackOffBesideAFailedReadinessProbe_IsTheCrashLoop()
    {
        // knative/serving#2804: a pod in CrashLoopBackOff is restarting, and a readiness probe restarts nothing.
        const string text = "Pods are going into CrashLoopBackOff state as Readiness probe failed.";
        var sut = CreateSut();

        var result = sut.Classify(text, EvidenceField.SymptomText, null);

        Assert.Equal(DiagBot.Playbooks.FailureModes.CrashLoop.Number, result.Playbook);
        Assert.True(result.Confidence >= SymptomClassifier.UnsureBelow, $"confidence {result.Confidence}: {result.Why}");
        Assert.Empty(sut.OutsideFailures(text, EvidenceField.SymptomText, null));
    }

    [Fact]
    public void OutsideFailures_AFailureModeWithNoOutsideWords_IsEmpty()
    {
        var found = CreateSut().OutsideFailures("OutOfMemoryError: Container killed due to memory usage", EvidenceField.ContainerReason, 137);

        Assert.Empty(found);
    }

    [Fact]
    public void Describe_WithTheTaskRead_ConfirmNamesItsClusterAndTask()
    {
        var context = OutsideContext.None with { Cluster = "shop", Task = "0123456789abcdef0123456789abcdef" };

        var failure = LogDriverSetup.Cause.Describe(context);

        Assert.Equal("log-driver-setup", failure.Name);
        Assert.Equal("aws ecs describe-tasks --cluster shop --tasks 0123456789abcdef0123456789abcdef --query 'tasks[0].stoppedReason'", failure.Confirm);
        Assert.NotEmpty(failure.Fix);
    }

    [Fact]
    public void Describe_WithoutIdentifiers_ConfirmListsRatherThanShowingPlaceholders()
    {
        var failure = ServiceQuota.Cause.Describe(OutsideContext.None);

        Assert.Equal("aws ecs list-clusters", failure.Confirm);
        Assert.DoesNotContain("<", failure.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EksCausesWithoutANamedCluster_ConfirmWithCommandsTheSandboxAnswers()
    {
        // A kube context's name is not an EKS cluster's, so neither asks `aws eks` for the cluster's node groups or access entries.
        Assert.Equal("aws sts get-caller-identity", ClusterAccessDenied.Cause.Describe(OutsideContext.None).Confirm);
        Assert.Equal("kubectl get nodes -o wide", NodeGroupUnhealthy.Cause.Describe(OutsideContext.None).Confirm);
        Assert.Equal("kubectl --context sandbox-eks get nodes -o wide",
            NodeGroupUnhealthy.Cause.Describe(OutsideContext.None with { KubeContext = "sandbox-eks" }).Confirm);
    }

    [Fact]
    public void Catalog_EveryCause_HasAKebabNameFixAndWordings()
    {
        Assert.All(OutsideCatalog.All, cause =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", cause.Name);
            Assert.NotEmpty(cause.Fix);
            Assert.NotEmpty(cause.Phrases);
            Assert.False(string.IsNullOrWhiteSpace(cause.WeightReason));
        });
        Assert.Equal(OutsideCatalog.All.Count, OutsideCatalog.All.Select(cause => cause.Name).Distinct().Count());
    }

    [Fact]
    public void RankerOutside_TwoFactsNamingTheSameCause_NameItOnce()
    {
        var ranker = new PlaybookRanker(CreateSut(), []);
        TriageFact[] facts =
        [
            new(EvidenceField.ServiceEvent, "service web was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently", null, "ecs:DescribeServices events"),
            new(EvidenceField.SymptomText, "we hit the default limit on number of tasks we can run in Fargate", null, "your words"),
        ];

        Assert.Equal(["service-quota"], ranker.Outside(facts));
    }

    private static SymptomClassifier CreateSut() => new();
}
