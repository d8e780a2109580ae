using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 3's sub-causes that the sandbox does not seed, with messages of several agent generations.</summary>
public sealed class SecretsPullFailedSubCauseTests
{
    private const string ParameterArn = $"arn:aws:ssm:us-east-1:{StartupTasks.Account}:parameter/ledger/db-url";
    private const string SecretArn = $"arn:aws:secretsmanager:us-east-1:{StartupTasks.Account}:secret:ledger/api-key-AbC123";

    private const string SsmDenied =
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/ledger-execution-role/" + StartupTasks.TaskId + " is not authorized to perform: ssm:GetParameters on resource: " + ParameterArn + " status code: 400";

    private static readonly EcsSecret Parameter = new("DB_URL", ParameterArn);
    private static readonly EcsSecret Secret = new("API_KEY", SecretArn + ":token::");

    [Fact]
    public async Task Investigate_SsmDenialInCloudTrail_ConfirmsAccessDeniedOnTheParameter()
    {
        var evidence = StartupTasks.Network();
        evidence.TaskDefinitions.Add(StartupTasks.Definition(StartupTasks.ExecutionRoleArn, Parameter));
        evidence.AuditEvents.Add(StartupTasks.Denied("ssm.amazonaws.com", "GetParameters", "ssm:GetParameters", ParameterArn));

        var verdict = await InvestigateAsync(SsmDenied, evidence);

        Assert.Equal((VerdictStatus.Confirmed, SecretsPullFailedPlaybook.AccessDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("--action-names ssm:GetParameters", verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains($"--resource-arns {ParameterArn}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /ledger/db-url")]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret " + SecretArn + " from secrets manager: ResourceNotFoundException: Secrets Manager can\u2019t find the specified secret.")]
    public async Task Investigate_MissingSecretOrParameter_ConfirmsNotFound(string reason)
    {
        var evidence = StartupTasks.Network();
        evidence.TaskDefinitions.Add(StartupTasks.Definition(StartupTasks.ExecutionRoleArn, Secret));

        var verdict = await InvestigateAsync(reason, evidence);

        Assert.Equal((VerdictStatus.Confirmed, SecretsPullFailedPlaybook.NotFoundSubCause), (verdict.Status, verdict.SubCause));
        Assert.Equal($"aws secretsmanager describe-secret --region us-east-1 --secret-id {SecretArn}", verdict.Confirm);
    }

    [Theory]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.")]
    [InlineData("ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secrets from ssm: The task cannot pull secrets from AWS Systems Manager. There is a connection issue between the task and AWS Systems Manager Parameter Store. Check your task network configuration. operation error SSM: GetParameters, https response error StatusCode: 0, RequestID: , canceled, context deadline exceeded")]
    public async Task Investigate_TimeoutFromPrivateSubnetWithoutSsmEndpoint_ConfirmsUnreachable(string reason)
    {
        var evidence = StartupTasks.Network(route: "none", endpoints: ["ecr.api", "ecr.dkr", "s3", "logs"]);
        evidence.TaskDefinitions.Add(StartupTasks.Definition(StartupTasks.ExecutionRoleArn, Parameter));

        var verdict = await InvestigateAsync(reason, evidence);

        Assert.Equal((VerdictStatus.Confirmed, SecretsPullFailedPlaybook.NetworkSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("no endpoint for ssm", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(StartupTasks.VpcId, verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TimeoutWithAnUnrelatedDenialInTheWindow_StaysANetworkFault()
    {
        var evidence = StartupTasks.Network(route: "none", endpoints: "s3");
        evidence.TaskDefinitions.Add(StartupTasks.Definition(StartupTasks.ExecutionRoleArn, Parameter));
        evidence.AuditEvents.Add(StartupTasks.Denied("ssm.amazonaws.com", "GetParameters", "ssm:GetParameters", ParameterArn + "-old"));

        var verdict = await InvestigateAsync("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded", evidence);

        Assert.Equal((VerdictStatus.Confirmed, SecretsPullFailedPlaybook.NetworkSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_TimeoutWithSsmEndpointPresent_IsLikelyNotConfirmed()
    {
        var evidence = StartupTasks.Network(route: "none", endpoints: ["ssm"]);
        evidence.TaskDefinitions.Add(StartupTasks.Definition(StartupTasks.ExecutionRoleArn, Parameter));

        var verdict = await InvestigateAsync("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded", evidence);

        Assert.Equal((VerdictStatus.Likely, SecretsPullFailedPlaybook.NetworkSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_SecretsWithoutExecutionRole_ConfirmsRoleMissing()
    {
        var evidence = StartupTasks.Network();
        evidence.TaskDefinitions.Add(StartupTasks.Definition(executionRoleArn: null, Parameter));

        var verdict = await InvestigateAsync(SsmDenied, evidence);

        Assert.Equal((VerdictStatus.Confirmed, SecretsPullFailedPlaybook.ExecutionRoleMissingSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--task-definition {StartupTasks.TaskDefinitionArn}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_EcrRegistryAuthFailure_IsLeftToPlaybook2()
    {
        const string Reason = "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.us-east-1.amazonaws.com/\": dial tcp 10.0.0.5:443: i/o timeout";

        var verdict = await InvestigateAsync(Reason, StartupTasks.Network());

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    private static Task<Verdict> InvestigateAsync(string stoppedReason, ScriptedEvidence evidence)
    {
        var task = StartupTasks.Task("STOPPED", stoppedReason: stoppedReason);
        return new SecretsPullFailedPlaybook().InvestigateAsync(StartupTasks.Context(task, evidence), CancellationToken.None);
    }
}
