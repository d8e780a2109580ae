using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>Wordings that are not in the corpus: other generations of the same messages, neighbours, engineers' phrasing.</summary>
public sealed class SymptomClassifierGeneralisationTests
{
    [Theory]
    [InlineData("0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.", EvidenceField.K8sEvent, EksPodsPending.Number)]
    [InlineData("Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox \"abc\": plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: Error received from AddNetwork gRPC call: rpc error: code = Unavailable desc = failed to assign an IP address to container", EvidenceField.K8sEvent, EksPodsContainerCreating.Number)]
    [InlineData("exec /docker-entrypoint.sh: exec format error", EvidenceField.Log, ExecFormatError.Number)]
    [InlineData("Back-off restarting failed container app in pod web-7d9f_default", EvidenceField.K8sEvent, CrashLoop.Number)]
    [InlineData("(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 0123456789abcdef0123456789abcdef) has insufficient memory available.", EvidenceField.ServiceEvent, DeployStuck.Number)]
    [InlineData("our ALB returns 504 on the /export endpoint", EvidenceField.SymptomText, Alb504Timeout.Number)]
    [InlineData("ALB 503 on service web in prod", EvidenceField.SymptomText, Alb503NoTargets.Number)]
    [InlineData("(service web) (port 8080) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef) due to (reason Health checks failed with these codes: [404]).", EvidenceField.ServiceEvent, TargetsUnhealthy.Number)]
    [InlineData("Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef)", EvidenceField.StoppedReason, TargetsUnhealthy.Number)]
    [InlineData("Your Spot Task was interrupted.", EvidenceField.StoppedReason, SpotInterruption.Number)]
    [InlineData("An error occurred (TargetNotConnectedException) when calling the ExecuteCommand operation: The execute command failed due to an internal error. Try again later.", EvidenceField.SymptomText, EcsExecFails.Number)]
    public void Classify_UnseenWordings_Generalise(string text, EvidenceField field, int expected)
    {
        Assert.Equal(expected, CreateSut().Classify(text, field, null).Playbook);
    }

    [Theory]
    [InlineData("(service web) failed to register targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef) with (error The following targets are not in a running state and cannot be registered: '10.0.1.5')", EvidenceField.ServiceEvent, Alb503NoTargets.Number)]
    [InlineData("(service web) rolling back to deployment ecs-svc/1234567890123456789.", EvidenceField.ServiceEvent, CrashLoop.Number)]
    [InlineData("Liveness probe failed: HTTP probe failed with statuscode: 500", EvidenceField.K8sEvent, CrashLoop.Number)]
    [InlineData("Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"/app/run\": executable file not found in $PATH: unknown", EvidenceField.K8sEvent, CrashLoop.Number)]
    [InlineData("error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \"abc\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown", EvidenceField.Log, EcsExecFails.Number)]
    [InlineData("SessionManagerPlugin is not found. Please refer to SessionManager Documentation here: http://docs.aws.amazon.com/console/systems-manager/session-manager-plugin-not-found", EvidenceField.Log, EcsExecFails.Number)]
    [InlineData("An error occurred (AccessDeniedException) when calling the ExecuteCommand operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:ExecuteCommand on resource: arn:aws:ecs:us-east-1:123456789012:task/prod/abc", EvidenceField.Log, EcsExecFails.Number)]
    [InlineData("com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain", EvidenceField.Log, AppAccessDenied.Number)]
    [InlineData("An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", EvidenceField.Log, AppAccessDenied.Number)]
    [InlineData("Received a Spot Interruption Notice for node ip-10-0-1-2.ec2.internal", EvidenceField.K8sEvent, SpotInterruption.Number)]
    [InlineData("Disrupting node: SpotInterrupted", EvidenceField.K8sEvent, SpotInterruption.Number)]
    [InlineData("CannotPullContainerError: pull image manifest has been retried 5 time(s): image Manifest does not contain descriptor matching platform 'linux/arm64'", EvidenceField.StoppedReason, ExecFormatError.Number)]
    [InlineData("WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64) and no specific platform was requested", EvidenceField.Log, null)] // a warning: the image may still run under emulation (issue 19)
    [InlineData("pod didn't trigger scale-up: 1 max node group size reached", EvidenceField.K8sEvent, EksPodsPending.Number)]
    [InlineData("java.lang.OutOfMemoryError: Java heap space", EvidenceField.Log, TaskOutOfMemory.Number)]
    [InlineData("Memory cgroup out of memory: Killed process 4242 (node) total-vm:1234kB", EvidenceField.Log, TaskOutOfMemory.Number)]
    [InlineData("ResourceInitializationError: failed to download env files: file download command: non empty error stream: service call has been retried 5 time(s): RequestError: send request failed", EvidenceField.StoppedReason, SecretsPullFailed.Number)]
    [InlineData("the ECS deployment has been IN_PROGRESS for two hours", EvidenceField.SymptomText, DeployStuck.Number)]
    [InlineData("service my-service was unable to place a task because no container instance met all of its requirements. The closest matching container instance doesn't have enough CPU units available.", EvidenceField.ServiceEvent, DeployStuck.Number)]
    [InlineData("Failed Elastic Load Balancing (ELB) health checks", EvidenceField.SymptomText, TargetsUnhealthy.Number)]
    [InlineData("Essential container in task exited. Exit code: 137", EvidenceField.StoppedReason, TaskOutOfMemory.Number)]
    [InlineData("our container keeps restarting every few seconds", EvidenceField.SymptomText, CrashLoop.Number)]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secret from asm: There is a connection issue between the task and AWS Secrets Manager. Check your task network configuration.", EvidenceField.StoppedReason, SecretsPullFailed.Number)]
    [InlineData("ResourceInitializationError: failed to validate logger args: The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration. : signal: killed", EvidenceField.StoppedReason, null)]
    [InlineData("ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve \"fs-0123abcd.efs.us-west-2.amazonaws.com\" - check that your file system ID is correct", EvidenceField.StoppedReason, null)]
    [InlineData("Startup probe failed: HTTP probe failed with statuscode: 503", EvidenceField.K8sEvent, null)] // probes during start-up are outside the fifteen (issue 19)
    [InlineData("Readiness probe failed: Get \"http://10.0.0.1:8080/healthz\": dial tcp 10.0.0.1:8080: connect: connection refused", EvidenceField.K8sEvent, null)]
    // Batch 21's canonical families, each its source's own wording (docs/triage.md, "Batch 21's tuning part joins the training file")
    [InlineData("Error from server (BadRequest): container \"kboom\" in pod \"kboom-trd2r\" is waiting to start: trying and failing to pull image",
        EvidenceField.Log, CannotPullContainer.Number)]
    [InlineData("InternalError: failed to normalize image reference \"Dockerfile\"", EvidenceField.StoppedReason, CannotPullContainer.Number)]
    [InlineData("encountered error \"RESOURCE:ENI\" - can only create 1 Task per host", EvidenceField.SymptomText, DeployStuck.Number)]
    [InlineData("Launching a new EC2 instance.  Status Reason: There are not enough free addresses in subnet 'subnet-66d3dd2c' to satisfy the "
        + "requested number of instances. Launching EC2 instance failed.", EvidenceField.Log, null)] // an instance's launch, not a task's ENI
    public void Classify_MoreUnseenWordings_Generalise(string text, EvidenceField field, int? expected)
    {
        Assert.Equal(expected, CreateSut().Classify(text, field, null).Playbook);
    }

    [Theory]
    [InlineData("Normal  Pulled  12s  kubelet  Successfully pulled image \"nginx:1.27\" in 1.204s (1.204s including waiting)", EvidenceField.K8sEvent)]
    [InlineData("Container image \"nginx:1.27\" already present on machine", EvidenceField.K8sEvent)]
    [InlineData("Created pod: web-7d9f8b6c5-x2x4q", EvidenceField.K8sEvent)]
    [InlineData("Scaled up replica set web-7d9f8b6c5 to 3", EvidenceField.K8sEvent)]
    [InlineData("(service web) (deployment ecs-svc/1234567890123456789) deployment completed.", EvidenceField.ServiceEvent)]
    [InlineData("(service web) has stopped 2 running tasks: (task 0123456789abcdef0123456789abcdef) (task fedcba9876543210fedcba9876543210).", EvidenceField.ServiceEvent)]
    [InlineData("(service web) has begun draining connections on 1 tasks.", EvidenceField.ServiceEvent)]
    [InlineData("ECS is performing maintenance on the underlying infrastructure hosting the task", EvidenceField.StoppedReason)]
    [InlineData("Succeeded", EvidenceField.PodStatus)]
    [InlineData("draining", EvidenceField.TargetHealth)]
    public void Classify_MoreNormalLifecycle_IsNone(string text, EvidenceField field)
    {
        Assert.Null(CreateSut().Classify(text, field, null).Playbook);
    }

    [Theory]
    [InlineData("we are getting 504s from the load balancer on long exports", Alb504Timeout.Number)]
    [InlineData("the ALB started returning 503s after the deploy", Alb503NoTargets.Number)]
    [InlineData("can't pull image from ECR in the private subnet", CannotPullContainer.Number)]
    [InlineData("secrets not loading in my fargate task", SecretsPullFailed.Number)]
    [InlineData("targets are unhealthy but the app answers fine on the port", TargetsUnhealthy.Number)]
    [InlineData("my task exited with code 1 again", CrashLoop.Number)]
    [InlineData("task killed, exit 137", TaskOutOfMemory.Number)]
    [InlineData("can't exec into the container on ECS", EcsExecFails.Number)]
    [InlineData("pods stuck in ContainerCreating on the new node group", EksPodsContainerCreating.Number)]
    [InlineData("the fargate spot tasks were interrupted overnight", SpotInterruption.Number)]
    public void Classify_EngineerPhrasing_FindsThePlaybook(string sentence, int expected)
    {
        Assert.Equal(expected, CreateSut().Classify(sentence, EvidenceField.SymptomText, null).Playbook);
    }

    private static SymptomClassifier CreateSut() => new();
}
