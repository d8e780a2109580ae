using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

public sealed class SymptomClassifierTests
{
    private const string OomReason = "OutOfMemoryError: Container killed due to memory usage";

    [Fact]
    public void Classify_OomReasonWithExit137_IsPlaybook7WithHighConfidence()
    {
        var result = CreateSut().Classify(OomReason, EvidenceField.ContainerReason, 137);

        Assert.Equal(TaskOutOfMemory.Number, result.Playbook);
        Assert.True(result.Confidence >= 0.9, $"confidence {result.Confidence}");
        Assert.Contains("memory", result.Why, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("without OOM wording", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_OomReasonWithExit0_IsStillPlaybook7()
    {
        var result = CreateSut().Classify(OomReason, EvidenceField.ContainerReason, 0);

        Assert.Equal(TaskOutOfMemory.Number, result.Playbook);
        Assert.True(result.Confidence >= 0.7, $"confidence {result.Confidence}");
    }

    [Fact]
    public void Classify_Exit137WithoutOomReason_IsPlaybook7AtLowConfidenceSayingSigKill()
    {
        var result = CreateSut().Classify("Essential container in task exited", EvidenceField.StoppedReason, 137);

        Assert.Equal(TaskOutOfMemory.Number, result.Playbook);
        Assert.True(result.Confidence < 0.6, $"confidence {result.Confidence}");
        Assert.Contains("stop timeout", result.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Task stopped by user")]
    [InlineData("Scaling activity initiated by (deployment ecs-svc/9223370536474744120)")]
    public void Classify_Exit137AfterDeliberateStop_IsNoneAndNotMemory(string stoppedReason)
    {
        var result = CreateSut().Classify(stoppedReason, EvidenceField.StoppedReason, 137);

        Assert.Null(result.Playbook);
        Assert.Contains("not memory", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EssentialContainerExitedWithExit0_IsNone()
    {
        var result = CreateSut().Classify("Essential container in task exited", EvidenceField.StoppedReason, 0);

        Assert.Null(result.Playbook);
        Assert.Contains("finished", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EssentialContainerExitedWithExit1_IsCrashLoop()
    {
        var result = CreateSut().Classify("Essential container in task exited", EvidenceField.StoppedReason, 1);

        Assert.Equal(CrashLoop.Number, result.Playbook);
    }

    [Theory]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc is not authorized to perform: secretsmanager:GetSecretValue", SecretsPullFailed.Number)]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to get parameters from ssm: service call has been retried 5 time(s): failed to fetch ssm parameter /prod/db/password", SecretsPullFailed.Number)]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.eu-west-1.amazonaws.com/\": dial tcp 52.94.10.1:443: i/o timeout", CannotPullContainer.Number)]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post \"https://api.ecr.us-east-1.amazonaws.com/\": dial tcp 3.5.1.1:443: i/o timeout", CannotPullContainer.Number)]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: pull command failed: : signal: killed", SecretsPullFailed.Number)]
    public void Classify_ResourceInitializationError_SplitsSecretsFromRegistryAuth(string stoppedReason, int expected)
    {
        var result = CreateSut().Classify(stoppedReason, EvidenceField.StoppedReason, null);

        Assert.Equal(expected, result.Playbook);
    }

    [Theory]
    [InlineData("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v42: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v42: not found", "not exist")]
    [InlineData("CannotPullContainerError: The task can\u2019t pull the image. Check your network configuration. RequestError: send request failed caused by: Get \"https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/\": dial tcp 10.0.0.1:443: i/o timeout", "network")]
    [InlineData("CannotPullContainerError: Error response from daemon: toomanyrequests: You have reached your pull rate limit.", "rate limit")]
    [InlineData("CannotPullContainerError: The task cannot pull the image. Check that the role has the permissions to pull images from the registry.", "auth")]
    public void Classify_CannotPullGenerations_IsPlaybook2NamingSubCause(string stoppedReason, string subCause)
    {
        var result = CreateSut().Classify(stoppedReason, EvidenceField.StoppedReason, null);

        Assert.Equal(CannotPullContainer.Number, result.Playbook);
        Assert.Contains(subCause, result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_AccessDeniedInAppLog_IsPlaybook4()
    {
        const string line = "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied";

        Assert.Equal(AppAccessDenied.Number, CreateSut().Classify(line, EvidenceField.Log, null).Playbook);
    }

    [Fact]
    public void Classify_AgentSecretsErrorQuotedInALog_IsPlaybook3NotPlaybook4()
    {
        const string line = "run task web: task 1c350295: ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/abc is not authorized to perform: ssm:GetParameters";

        var ranked = CreateSut().Rank(line, EvidenceField.Log, null);

        Assert.Equal(SecretsPullFailed.Number, ranked[0].Playbook);
        Assert.DoesNotContain(ranked, r => r.Playbook == AppAccessDenied.Number && r.Confidence >= 0.3);
    }

    [Fact]
    public void Classify_AccessDeniedInLogDriverStoppedReason_IsNoneNotPlaybook4()
    {
        const string reason = "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/abc is not authorized to perform: logs:CreateLogStream";

        Assert.Null(CreateSut().Classify(reason, EvidenceField.StoppedReason, null).Playbook);
    }

    [Theory]
    [InlineData("task stuck in PROVISIONING for 10 minutes", TaskStuckProvisioning.Number)]
    [InlineData("my fargate task is stuck in PENDING and never starts", CannotPullContainer.Number)]
    [InlineData("pods stuck in Pending after the deploy", EksPodsPending.Number)]
    public void Classify_StuckStateWording_SeparatesProvisioningPendingAndPods(string sentence, int expected)
    {
        Assert.Equal(expected, CreateSut().Classify(sentence, EvidenceField.SymptomText, null).Playbook);
    }

    [Theory]
    [InlineData("task lastStatus PROVISIONING", TaskStuckProvisioning.Number)]
    [InlineData("task lastStatus PENDING", CannotPullContainer.Number)]
    public void Classify_TriageLastStatusFact_SeparatesProvisioningFromPending(string fact, int expected)
    {
        Assert.Equal(expected, CreateSut().Classify(fact, EvidenceField.StoppedReason, null).Playbook);
    }

    [Fact]
    public void Rank_TaskStuckInPending_AlsoOffersProvisioningNetworkEvidence()
    {
        var ranked = CreateSut().Rank("task lastStatus PENDING", EvidenceField.StoppedReason, null);

        Assert.Equal([2, 1], ranked.Select(r => r.Playbook));
    }

    [Theory]
    [InlineData("Target.ResponseCodeMismatch", TargetsUnhealthy.Number)]
    [InlineData("Target.NotRegistered", Alb503NoTargets.Number)]
    [InlineData("healthy", null)]
    [InlineData("unhealthy", TargetsUnhealthy.Number)]
    [InlineData("Elb.InitialHealthChecking", null)]
    public void Classify_TargetHealth_SplitsUnhealthyFromUnregisteredFromNormal(string reason, int? expected)
    {
        Assert.Equal(expected, CreateSut().Classify(reason, EvidenceField.TargetHealth, null).Playbook);
    }

    [Fact]
    public void Classify_NothingRecognised_IsNoneAtMiddlingConfidence()
    {
        var result = CreateSut().Classify("the weather is nice today", EvidenceField.SymptomText, null);

        Assert.Null(result.Playbook);
        Assert.Equal(0.5, result.Confidence);
    }

    [Fact]
    public void Rank_ResourceInitializationErrorForRegistryAuth_ListsPlaybook2BeforePlaybook3()
    {
        var ranked = CreateSut().Rank("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s)", EvidenceField.StoppedReason, null);

        Assert.Equal([2, 3], ranked.Take(2).Select(r => r.Playbook));
        Assert.True(ranked[0].Confidence > ranked[1].Confidence);
    }

    [Fact]
    public void Rank_NormalEvent_IsEmpty()
    {
        Assert.Empty(CreateSut().Rank("service web has reached a steady state.", EvidenceField.ServiceEvent, null));
    }

    private static SymptomClassifier CreateSut() => new();
}
