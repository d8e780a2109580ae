using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Services;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class AppAccessDeniedPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p04-app-access-denied";
    private const string Account = "111122223333";
    private const string TaskId = "3c4d5e6f708192a3b4c5d6e7f8091a2b";
    private const string ExecutionRole = $"arn:aws:iam::{Account}:role/ecsTaskExecutionRole";
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Diagnose_SeededAppAccessDenied_ConfirmsTaskRoleDeniedFirstWithRealIds()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((AppAccessDenied.Number, VerdictStatus.Confirmed, AppAccessDeniedPlaybook.TaskRoleDeniedSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("report-exporter-task-role", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("kms:GenerateDataKey", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("--log-group-name /ecs/exporter", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, item => item.Source == "cloudtrail:LookupEvents" && item.Fact.Contains("GenerateDataKey denied", StringComparison.Ordinal));
        Assert.Contains(first.Fix, step => step.Contains("--role-name report-exporter-task-role", StringComparison.Ordinal));
        Assert.Empty(first.Missing);
    }

    [Theory]
    [InlineData("service orders-api in prod")]
    [InlineData("service inventory-sync in prod")]
    public async Task Investigate_HealthyService_IsRuledOut(string subject)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(subject), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_CrashLoopingService_DoesNotMatch()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ScenarioContextAsync("p08-crash-loop"), CancellationToken.None);

        Assert.False(verdict.Status.IsFailureFound(), verdict.RootCause);
    }

    [Theory]
    [InlineData("logs", "FilterLogEvents", VerdictStatus.Likely)]
    [InlineData("ecs", "DescribeTaskDefinition", VerdictStatus.Inconclusive)]
    [InlineData("ecs", "ListTasks", VerdictStatus.Confirmed)]
    [InlineData("ecs", "DescribeTasks", VerdictStatus.Confirmed)]
    [InlineData("cloudtrail", "LookupEvents", VerdictStatus.Confirmed)]
    public async Task Investigate_SourceDenied_StillAnswersAndNamesTheGap(string service, string operation, VerdictStatus expected)
    {
        // The log line (naming the principal) and the task definition (naming the roles) decide; the running task
        // and CloudTrail only corroborate, so losing them leaves the verdict standing with the gap named.
        await sandbox.WithDeniedAsync(service, operation, async () =>
        {
            var verdict = await CreateSut().InvestigateAsync(await sandbox.ScenarioContextAsync(Scenario), CancellationToken.None);

            Assert.Equal(expected, verdict.Status);
            SandboxServiceContexts.AssertNamesGap(verdict.Missing, operation);
            Assert.False(string.IsNullOrEmpty(verdict.Confirm));
            Assert.DoesNotContain("<", verdict.Confirm, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Investigate_NoTaskRoleAndInstanceProfileDenied_IsInstanceRoleFallback()
    {
        Seed(taskRole: null, $"User: arn:aws:sts::{Account}:assumed-role/ecsInstanceRole/i-0a1b2c3d4e5f67890 is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::acme-exports/x.csv");

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("no task role", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TaskRoleDeniedWhileExecutionRoleMakesTheCall_IsPermissionOnExecutionRole()
    {
        Seed($"arn:aws:iam::{Account}:role/exporter-task-role", $"User: arn:aws:sts::{Account}:assumed-role/exporter-task-role/{TaskId} is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:{Account}:secret:db-AbCdEf because no identity-based policy allows the secretsmanager:GetSecretValue action");
        // ECS names the execution role's session after the task too, so the task's one lookup by Username finds it.
        _evidence.AuditEvents.Add(new AuditEvent { EventId = "e1", EventName = "GetSecretValue", Username = TaskId, PrincipalArn = $"arn:aws:sts::{Account}:assumed-role/ecsTaskExecutionRole/{TaskId}", SessionIssuerArn = ExecutionRole });

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, AppAccessDeniedPlaybook.PermissionOnExecutionRoleSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("does not read IAM policies", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_BareS3AccessDeniedWithoutPrincipal_IsLikelyTaskRole()
    {
        Seed($"arn:aws:iam::{Account}:role/exporter-task-role", "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied");

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, AppAccessDeniedPlaybook.TaskRoleDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("PutObject", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_StaticKeysOfAnotherPrincipal_IsLikelyOtherPrincipal()
    {
        Seed($"arn:aws:iam::{Account}:role/exporter-task-role", $"AccessDeniedException: User: arn:aws:iam::{Account}:user/legacy-ci is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:{Account}:jobs");

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, AppAccessDeniedPlaybook.OtherPrincipalSubCause), (verdict.Status, verdict.SubCause));
    }

    private void Seed(string? taskRole, params string[] lines)
    {
        var definition = new EcsTaskDefinition
        {
            TaskDefinitionArn = $"arn:aws:ecs:us-east-1:{Account}:task-definition/exporter:3",
            Family = "exporter",
            Revision = 3,
            TaskRoleArn = taskRole,
            ExecutionRoleArn = ExecutionRole,
            ContainerDefinitions = [new EcsContainerDefinition { Name = "app", LogConfiguration = new EcsLogConfiguration(EcsLogStreams.AwsLogsDriver, new Dictionary<string, string> { ["awslogs-group"] = "/ecs/app", ["awslogs-stream-prefix"] = "ecs" }) }],
        };
        _evidence.TaskDefinitions.Add(definition);
        _evidence.LogStreams[$"ecs/app/{TaskId}"] = ["INFO starting", .. lines];
    }

    private Task<Verdict> InvestigateAsync()
    {
        var task = new EcsTask
        {
            TaskArn = $"arn:aws:ecs:us-east-1:{Account}:task/prod/{TaskId}",
            ClusterArn = $"arn:aws:ecs:us-east-1:{Account}:cluster/prod",
            TaskDefinitionArn = _evidence.TaskDefinitions[0].TaskDefinitionArn,
            LastStatus = "RUNNING",
            LaunchType = "EC2",
            Group = "service:exporter",
        };
        EcsTaskRef.TryParse(task.TaskArn, out var reference);
        var context = new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), _evidence, TimeProvider.System) { Task = task };
        return CreateSut().InvestigateAsync(context, CancellationToken.None);
    }

    private static AppAccessDeniedPlaybook CreateSut() => new();
}
