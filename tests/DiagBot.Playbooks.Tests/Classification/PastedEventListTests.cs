using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// What an engineer pastes is often a whole event list (kubectl describe pod's Events, a service's events): the routine
/// lines (scheduled, pulled, created, started, steady state) sit beside the one that failed. The routine lines answer
/// "none" alone, and beside a failure they do not make the failure an unsure reading. Wordings are the kubelet's and ECS's
/// own (kubernetes/kubernetes pkg/kubelet/events, the ECS service event messages page).
/// </summary>
public sealed class PastedEventListTests
{
    private const string Routine = """
        Events:
          Type     Reason     Age                From               Message
          ----     ------     ----               ----               -------
          Normal   Scheduled  2m                 default-scheduler  Successfully assigned default/web-7d4b9c8f5-x2k9p to ip-10-0-1-23.ec2.internal
          Normal   Pulled     2m (x4 over 3m)    kubelet            Container image "web:1.4" already present on machine
          Normal   Created    2m (x4 over 3m)    kubelet            Created container web
          Normal   Started    2m (x4 over 3m)    kubelet            Started container web
        """;

    [Fact]
    public void Classify_RoutineEventsAlone_AreNone()
    {
        var result = new SymptomClassifier().Classify(Routine, EvidenceField.K8sEvent, null);

        Assert.Null(result.Playbook);
        Assert.Contains("a normal Kubernetes lifecycle event", result.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  Warning  BackOff    30s (x6 over 2m)   kubelet            Back-off restarting failed container web in pod web-7d4b9c8f5-x2k9p_default(0a1b)",
        CrashLoop.Number)]
    [InlineData("  Warning  Failed     30s (x3 over 1m)   kubelet            Error: ErrImagePull", CannotPullContainer.Number)]
    [InlineData("  Warning  FailedCreatePodSandBox  1m  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network "
        + "for sandbox \"4f1c\": plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: failed to assign an IP address to container",
        EksPodsContainerCreating.Number)]
    public void Classify_AFailingEventAmongRoutineOnes_IsThatFailureAndSure(string failing, int expected)
    {
        var result = new SymptomClassifier().Classify(Routine + failing, EvidenceField.K8sEvent, null);

        Assert.Equal(expected, result.Playbook);
        Assert.True(result.Confidence >= SymptomClassifier.UnsureBelow, $"confidence {result.Confidence}: {result.Why}");
        Assert.DoesNotContain("unsure", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_AServicesEventsWithOnePlacementFailure_IsTheStuckDeployment()
    {
        const string events = "(service web) has started 2 tasks: (task 0f1e2d3c4b5a69788796a5b4c3d2e1f0).\n"
            + "(service web) registered 2 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef)\n"
            + "(service web) was unable to place a task because no container instance met all of its requirements. "
            + "The closest matching (container-instance 0123456789abcdef0123456789abcdef) has insufficient memory available.";

        var result = new SymptomClassifier().Classify(events, EvidenceField.ServiceEvent, null);

        Assert.Equal(DeployStuck.Number, result.Playbook);
        Assert.True(result.Confidence >= SymptomClassifier.UnsureBelow, $"confidence {result.Confidence}: {result.Why}");
    }

    [Fact]
    public void Classify_ARoutineEventWhoseNameHoldsFailureWords_StaysNone()
    {
        // The routine words themselves hold "deployment ... in_progress": they still answer for them.
        Assert.Null(new SymptomClassifier().Classify("SERVICE_DEPLOYMENT_IN_PROGRESS", EvidenceField.ServiceEvent, null).Playbook);
    }

    [Fact]
    public void Classify_ASandboxThatFailedForItsPauseImage_IsThePullNotTheNetwork()
    {
        // awslabs/amazon-eks-ami#1597: containerd could not pull the sandbox's own image from ECR.
        const string text = "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "
            + "\"602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/pause:3.5\": "
            + "failed to pull image \"602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/pause:3.5\"";

        var result = new SymptomClassifier().Classify(text, EvidenceField.K8sEvent, null);

        Assert.Equal(CannotPullContainer.Number, result.Playbook);
        Assert.Contains("pause", result.Why, StringComparison.Ordinal);
    }
}
