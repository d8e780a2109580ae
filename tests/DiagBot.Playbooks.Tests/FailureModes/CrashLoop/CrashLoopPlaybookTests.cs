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
public sealed class CrashLoopPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p08-crash-loop";
    private const string Prefix = "arn:aws:ecs:us-east-1:111122223333";
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Diagnose_SeededCrashLoop_ConfirmsBreakerOffFirstQuotingTheFatalLine()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((CrashLoop.Number, VerdictStatus.Confirmed, CrashLoopPlaybook.BreakerOffSubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("\"FATAL config: required environment variable SMTP_HOST is not set\"", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("9 failed tasks", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("--log-group-name /ecs/notifier --log-stream-name ecs/notifier/", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Fix, step => step.Contains("--cluster prod --service notification-worker", StringComparison.Ordinal));
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Diagnose_SeededCrashLoop_ChartsTheStartsAndTheExit1StopsAgainstTheDesiredCount()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var chart = Assert.Single(report.Verdicts[0].Charts);
        Assert.Equal("task-timeline", chart.Kind);
        Assert.Equal("Service notification-worker: 3 tasks exited 1 in the last 3 hours; 0 of 2 running now", chart.Title);
        var stops = Assert.Single(chart.Series, s => s.Name.StartsWith("stopped", StringComparison.Ordinal));
        Assert.Equal("stopped: EssentialContainerExited, exit 1", stops.Name);
        Assert.Equal(3, stops.Points.Sum(p => p.Value));
        Assert.Equal(3, chart.Series.Single(s => s.Name == "started").Points.Sum(p => p.Value));
        Assert.Equal(0, chart.Series.Single(s => s.Name == "running now").Points.Single().Value);
        Assert.Equal(2, Assert.Single(chart.Thresholds).Value);
        Assert.Contains(chart.Markers, m => m.Label.StartsWith("deployment ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("service orders-api in prod")]
    [InlineData("service inventory-sync in prod")]
    public async Task Investigate_HealthyService_IsRuledOut(string subject)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(subject), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("p04-app-access-denied")]
    [InlineData("p12-deploy-stuck")]
    public async Task Investigate_UnrelatedServiceFailure_DoesNotMatch(string scenario)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ScenarioContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("lookalike-batch-exit-0")] // a batch job that finished
    [InlineData("lookalike-scale-in")] // ServiceSchedulerInitiated, exit 0
    [InlineData("lookalike-user-stop")] // UserInitiated, "Task stopped by user"
    public async Task Investigate_TaskStoppedOnPurposeOrDone_IsRuledOut(string lookalike)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.TaskContextAsync(lookalike), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("logs", "GetLogEvents")]
    [InlineData("ecs", "DescribeTaskDefinition")]
    [InlineData("ecs", "ListTasks")]
    [InlineData("ecs", "DescribeTasks")]
    public async Task Investigate_SourceDenied_IsLikelyAndNamesTheGap(string service, string operation)
    {
        await sandbox.WithDeniedAsync(service, operation, async () =>
        {
            var verdict = await CreateSut().InvestigateAsync(await sandbox.ScenarioContextAsync(Scenario), CancellationToken.None);

            Assert.Equal(VerdictStatus.Likely, verdict.Status);
            SandboxServiceContexts.AssertNamesGap(verdict.Missing, operation);
        });
    }

    [Theory]
    [InlineData(true, true, CrashLoopPlaybook.RollbackSubCause)]
    [InlineData(true, false, CrashLoopPlaybook.BreakerFailsSubCause)]
    [InlineData(false, false, CrashLoopPlaybook.BreakerOffSubCause)]
    public async Task Investigate_CircuitBreakerSetting_DecidesTheSubCause(bool enabled, bool rollback, string expected)
    {
        var context = Seed(enabled, rollback, "Traceback (most recent call last):", "  File \"/app/main.py\", line 4, in <module>", "KeyError: 'DATABASE_URL'");

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, expected), (verdict.Status, verdict.SubCause));
        Assert.Contains("KeyError: 'DATABASE_URL'", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TaskSubjectWithDeniedService_IsLikelyBreakerUnread()
    {
        var context = Seed(false, false, "Exception in thread \"main\" java.lang.IllegalStateException: queue url missing", "\tat app.Main.main(Main.java:12)");
        _evidence.Gaps["DescribeServices"] = ScriptedAnswers.Denied("ecs", "DescribeServices");

        var verdict = await CreateSut().InvestigateAsync(context with { Service = null }, CancellationToken.None);

        Assert.Equal((VerdictStatus.Likely, CrashLoopPlaybook.BreakerUnreadSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("IllegalStateException", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FATAL config: SMTP_HOST is not set|panic: config: SMTP_HOST missing|goroutine 1 [running]:", "FATAL config: SMTP_HOST is not set")]
    [InlineData("listening|Error: Cannot find module 'express'|    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)", "Error: Cannot find module 'express'")]
    [InlineData("started|stopping", null)]
    public void FatalLine_LastLines_PicksTheLineThatSaysWhy(string lines, string? expected) =>
        Assert.Equal(expected, CrashLastWords.FatalLine([.. lines.Split('|').Select(l => l.Trim())]));

    private DiagnosisContext Seed(bool enabled, bool rollback, params string[] lines)
    {
        var definition = new EcsTaskDefinition
        {
            TaskDefinitionArn = $"{Prefix}:task-definition/worker:5",
            Family = "worker",
            Revision = 5,
            ContainerDefinitions = [new EcsContainerDefinition { Name = "worker", LogConfiguration = new EcsLogConfiguration(EcsLogStreams.AwsLogsDriver, new Dictionary<string, string> { ["awslogs-group"] = "/ecs/worker", ["awslogs-stream-prefix"] = "ecs" }) }],
        };
        _evidence.TaskDefinitions.Add(definition);
        foreach (var id in new[] { "aa11bb22cc33dd44ee55ff6600112233", "bb11bb22cc33dd44ee55ff6600112233" })
        {
            _evidence.Tasks.Add(new EcsTask
            {
                TaskArn = $"{Prefix}:task/jobs/{id}",
                ClusterArn = $"{Prefix}:cluster/jobs",
                TaskDefinitionArn = definition.TaskDefinitionArn,
                LastStatus = "STOPPED",
                DesiredStatus = "STOPPED",
                StopCode = "EssentialContainerExited",
                StoppedReason = "Essential container in task exited",
                Group = "service:worker",
                Containers = [new EcsContainer { Name = "worker", ExitCode = 1 }],
            });
            _evidence.LogStreams[$"ecs/worker/{id}"] = ["starting", .. lines];
        }

        var service = new EcsService { ServiceArn = $"{Prefix}:service/jobs/worker", ServiceName = "worker", ClusterArn = $"{Prefix}:cluster/jobs", CircuitBreakerEnabled = enabled, CircuitBreakerRollback = rollback };
        _evidence.Services.Add(service);
        var task = _evidence.Tasks[0];
        EcsTaskRef.TryParse(task.TaskArn, out var reference);
        return new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), _evidence, TimeProvider.System) { Task = task, Service = service };
    }

    private static CrashLoopPlaybook CreateSut() => new();
}
