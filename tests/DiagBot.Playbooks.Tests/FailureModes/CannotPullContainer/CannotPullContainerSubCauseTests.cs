using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 2's sub-causes that the sandbox does not seed, with messages of several agent generations.</summary>
public sealed class CannotPullContainerSubCauseTests
{
    private const string PullAccessDenied =
        "CannotPullContainerError: Error response from daemon: pull access denied for " + StartupTasks.Image + ", repository does not exist or may require 'docker login': denied: User: arn:aws:sts::111122223333:assumed-role/ledger-execution-role/" + StartupTasks.TaskId + " is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:111122223333:repository/ledger because no identity-based policy allows the ecr:BatchGetImage action";

    private const string NewerAmbiguous =
        "The task can\u2019t pull the image. Check that the role has the permissions to pull images from the registry. Error response from daemon: pull access denied for ledger, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";

    private const string IoTimeout =
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref " + StartupTasks.Image + ": failed to do request: Head \"https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/ledger/manifests/2.0.1\": dial tcp 10.0.3.17:443: i/o timeout";

    private const string NewerConnectionIssue =
        "The task cannot pull \u2018ledger:2.0.1\u2019 from the Amazon ECR repository \u2018111122223333.dkr.ecr.us-east-1.amazonaws.com/ledger\u2019. There is a connection issue between the task and Amazon ECR. Check your task network configuration.";

    [Fact]
    public async Task Investigate_EcrDenialInCloudTrail_ConfirmsAuthDeniedAndSimulatesTheRole()
    {
        var evidence = WithDefinition(StartupTasks.Network());
        evidence.AuditEvents.Add(StartupTasks.Denied("ecr.amazonaws.com", "BatchGetImage", "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:111122223333:repository/ledger"));

        var verdict = await InvestigateAsync(PullAccessDenied, evidence);

        Assert.Equal((VerdictStatus.Confirmed, CannotPullContainerPlaybook.AuthDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--policy-source-arn {StartupTasks.ExecutionRoleArn}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_AuthMessageWithCloudTrailDenied_IsLikelyAndNamesTheGap()
    {
        var evidence = WithDefinition(StartupTasks.Network());
        evidence.Deny("cloudtrail", "LookupEvents");

        var verdict = await InvestigateAsync(PullAccessDenied, evidence);

        Assert.Equal((VerdictStatus.Likely, CannotPullContainerPlaybook.AuthDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, gap => gap.Operation == "LookupEvents");
    }

    [Fact]
    public async Task Investigate_FargateDefinitionWithoutExecutionRole_ConfirmsRoleMissing()
    {
        var evidence = StartupTasks.Network();
        evidence.TaskDefinitions.Add(StartupTasks.Definition(executionRoleArn: null));

        var verdict = await InvestigateAsync(NewerAmbiguous, evidence);

        Assert.Equal((VerdictStatus.Confirmed, CannotPullContainerPlaybook.ExecutionRoleMissingSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--task-definition {StartupTasks.TaskDefinitionArn}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NewerAmbiguousWordingWithoutDenials_IsLikelyImageNotFound()
    {
        var verdict = await InvestigateAsync(NewerAmbiguous, WithDefinition(StartupTasks.Network()));

        Assert.Equal((VerdictStatus.Likely, CannotPullContainerPlaybook.ImageNotFoundSubCause), (verdict.Status, verdict.SubCause));
    }

    [Theory]
    [InlineData(IoTimeout)]
    [InlineData(NewerConnectionIssue)]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.us-east-1.amazonaws.com/\": dial tcp 10.0.0.5:443: i/o timeout. Please check your task network configuration.")]
    public async Task Investigate_TimeoutFromSubnetWithoutRoute_ConfirmsRegistryUnreachable(string reason)
    {
        var verdict = await InvestigateAsync(reason, WithDefinition(StartupTasks.Network(route: "none", endpoints: "ecr.api")));

        Assert.Equal((VerdictStatus.Confirmed, CannotPullContainerPlaybook.NetworkSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("ecr.dkr, s3", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(StartupTasks.VpcId, verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TimeoutWithNatRoute_IsLikelyAndPointsAtSecurityGroups()
    {
        var verdict = await InvestigateAsync(IoTimeout, WithDefinition(StartupTasks.Network(route: "nat")));

        Assert.Equal((VerdictStatus.Likely, CannotPullContainerPlaybook.NetworkSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("security group", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CannotPullContainerError: inspect image has been retried 1 time(s): httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/1.27: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.", CannotPullContainerPlaybook.RateLimitSubCause)]
    [InlineData("CannotPullContainerError: write /var/lib/docker/tmp/GetImageBlob111111111: no space left on device", CannotPullContainerPlaybook.DiskFullSubCause)]
    [InlineData("CannotPullContainerError: Error response from daemon: manifest for 111122223333.dkr.ecr.us-east-1.amazonaws.com/ledger:2.0.1 not found: manifest unknown: Requested image not found", CannotPullContainerPlaybook.ImageNotFoundSubCause)]
    public async Task Investigate_RegistryAnswerInTheReason_ConfirmsItsSubCause(string reason, string subCause)
    {
        var verdict = await InvestigateAsync(reason, WithDefinition(StartupTasks.Network()));

        Assert.Equal((VerdictStatus.Confirmed, subCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(StartupTasks.TaskId, verdict.Confirm + verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NotFoundWithAnUnrelatedDenialInTheWindow_StaysImageNotFound()
    {
        var evidence = WithDefinition(StartupTasks.Network());
        evidence.AuditEvents.Add(StartupTasks.Denied("ecr.amazonaws.com", "BatchGetImage", "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:111122223333:repository/other"));

        var verdict = await InvestigateAsync("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref " + StartupTasks.Image + ": " + StartupTasks.Image + ": not found", evidence);

        Assert.Equal((VerdictStatus.Confirmed, CannotPullContainerPlaybook.ImageNotFoundSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_SecretsFailureSharingThePrefix_IsRuledOut()
    {
        const string Reason = "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /ledger/db-url";

        var verdict = await InvestigateAsync(Reason, WithDefinition(StartupTasks.Network()));

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_TaskStillPendingWithoutRouteToEcr_ConfirmsRegistryUnreachable()
    {
        var context = StartupTasks.Context(StartupTasks.Task("PENDING"), WithDefinition(StartupTasks.Network(route: "none", endpoints: "logs")));

        var verdict = await new CannotPullContainerPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, CannotPullContainerPlaybook.NetworkSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("ecr.api, ecr.dkr, s3", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TaskStillPendingBehindNat_IsRuledOut()
    {
        var context = StartupTasks.Context(StartupTasks.Task("PENDING"), WithDefinition(StartupTasks.Network(route: "nat")));

        var verdict = await new CannotPullContainerPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    private static ScriptedEvidence WithDefinition(ScriptedEvidence evidence)
    {
        evidence.TaskDefinitions.Add(StartupTasks.Definition());
        return evidence;
    }

    private static Task<Verdict> InvestigateAsync(string stoppedReason, ScriptedEvidence evidence)
    {
        var task = StartupTasks.Task("STOPPED", stoppedReason: stoppedReason);
        return new CannotPullContainerPlaybook().InvestigateAsync(StartupTasks.Context(task, evidence), CancellationToken.None);
    }
}
