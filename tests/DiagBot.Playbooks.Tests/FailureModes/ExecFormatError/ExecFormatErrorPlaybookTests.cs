using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class ExecFormatErrorPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p14-exec-format-error";
    private const string TaskDefinitionArn = "arn:aws:ecs:us-east-1:111122223333:task-definition/api:4";
    private const string Repository = "111122223333.dkr.ecr.us-east-1.amazonaws.com/api";
    private const string Stream = "ecs/api/7c0d1e2f3a4b5c6d7e8f901a2b3c4d5e";
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Diagnose_SeededExecFormatError_ConfirmsItFirst()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((ExecFormatError.Number, VerdictStatus.Confirmed, ExecFormatErrorPlaybook.ArchitectureMismatchSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("--task-definition arn:aws:ecs:", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_SeededExecFormatError_ConfirmsArchitectureMismatchWithRealIds()
    {
        var context = await sandbox.TaskContextAsync(Scenario);

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, ExecFormatErrorPlaybook.ArchitectureMismatchSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("ARM64", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("inferred", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, item => item.Source == "logs:GetLogEvents" && item.Value.Contains("exec format error", StringComparison.Ordinal));
        Assert.Contains(context.Task!.TaskDefinitionArn, verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains("pdf-renderer:1.8.0-amd64", verdict.Confirm, StringComparison.Ordinal);
        Assert.Empty(verdict.Missing);
    }

    [Theory]
    [InlineData("lookalike-batch-exit-0")]
    [InlineData("p07-task-oom")]
    public async Task Investigate_FinishedBatchJobOrUnrelatedOom_IsRuledOut(string scenario)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.TaskContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Empty(verdict.Missing);
    }

    [Theory]
    [InlineData("ecs", "DescribeTaskDefinition")]
    [InlineData("logs", "GetLogEvents")]
    public async Task Investigate_SourceDenied_IsInconclusiveAndNamesTheGap(string service, string operation)
    {
        var context = await sandbox.TaskContextAsync(Scenario);
        sandbox.Sandbox.Faults.Set(service, operation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

            Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
            var gap = Assert.Single(verdict.Missing);
            Assert.Equal((GapReason.AccessDenied, operation), (gap.Reason, gap.Operation));
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }

    [Fact]
    public async Task Investigate_ReasonOnFargateWithoutRuntimePlatformAndArmImage_ConfirmsAgainstTheX86Default()
    {
        _evidence.TaskDefinitions.Add(Definition($"{Repository}:2.0.0-arm64", cpuArchitecture: null));

        var verdict = await InvestigateAsync(Failed(reason: "CannotStartContainerError: exec /app/server: exec format error"));

        Assert.Equal((VerdictStatus.Confirmed, ExecFormatErrorPlaybook.ArchitectureMismatchSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Evidence, item => item.Value.Contains("X86_64 by default on Fargate", StringComparison.Ordinal));
        Assert.DoesNotContain("GetLogEvents", _evidence.Calls);
    }

    [Fact]
    public async Task Investigate_ImageNamesNoArchitecture_IsLikelyNotConfirmed()
    {
        _evidence.TaskDefinitions.Add(Definition($"{Repository}:2.0.0", cpuArchitecture: "ARM64"));
        _evidence.LogStreams[Stream] = ["standard_init_linux.go:228: exec user process caused: exec format error"];

        var verdict = await InvestigateAsync(Failed());

        Assert.Equal((VerdictStatus.Likely, ExecFormatErrorPlaybook.ArchitectureUnverifiedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--task-definition {TaskDefinitionArn}", verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains($"docker buildx imagetools inspect {Repository}:2.0.0", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ImageNamesTheTasksOwnArchitecture_PointsAtTheEntrypoint()
    {
        _evidence.TaskDefinitions.Add(Definition($"{Repository}:2.0.0-arm64", cpuArchitecture: "ARM64"));
        _evidence.LogStreams[Stream] = ["exec /entrypoint.sh: exec format error"];

        var verdict = await InvestigateAsync(Failed());

        Assert.Equal((VerdictStatus.Likely, ExecFormatErrorPlaybook.SameArchitectureSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_Ec2TaskWithoutRuntimePlatform_IsLikelyBecauseTheInstanceDecides()
    {
        _evidence.TaskDefinitions.Add(Definition($"{Repository}:2.0.0-arm64", cpuArchitecture: null));

        var verdict = await InvestigateAsync(Failed(reason: "exec format error") with { LaunchType = "EC2" });

        Assert.Equal(VerdictStatus.Likely, verdict.Status);
        Assert.Contains(verdict.Evidence, item => item.Value.Contains("EC2 instance's architecture decides", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_TaskDefinitionDeniedButReasonShowsTheError_IsLikelyWithTheGap()
    {
        _evidence.Gaps["DescribeTaskDefinition"] = ScriptedAnswers.Denied("ecs", "DescribeTaskDefinition");

        var verdict = await InvestigateAsync(Failed(reason: "exec format error"));

        Assert.Equal(VerdictStatus.Likely, verdict.Status);
        Assert.Equal("DescribeTaskDefinition", Assert.Single(verdict.Missing).Operation);
    }

    [Fact]
    public async Task Investigate_LogsWithoutTheError_IsRuledOut()
    {
        _evidence.TaskDefinitions.Add(Definition($"{Repository}:2.0.0", cpuArchitecture: null));
        _evidence.LogStreams[Stream] = ["panic: runtime error: index out of range"];

        var verdict = await InvestigateAsync(Failed());

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com/api:1.8.0-amd64", "X86_64")]
    [InlineData("arm64v8/nginx:1.27", "ARM64")]
    [InlineData("ghcr.io/acme/worker:2.1-aarch64", "ARM64")]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com/charm-api:3.0", null)]
    public void NamedBy_ImageReference_ReadsOnlyAnArchitectureItNames(string image, string? expected)
    {
        Assert.Equal(expected, ImageArchitecture.NamedBy(image));
    }

    private static EcsTask Failed(string? reason = null) => new()
    {
        TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/7c0d1e2f3a4b5c6d7e8f901a2b3c4d5e",
        ClusterArn = "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
        TaskDefinitionArn = TaskDefinitionArn,
        LastStatus = "STOPPED",
        LaunchType = "FARGATE",
        StopCode = "EssentialContainerExited",
        StoppedReason = "Essential container in task exited",
        Containers = [new EcsContainer { Name = "api", ExitCode = 255, Reason = reason }],
    };

    private static EcsTaskDefinition Definition(string image, string? cpuArchitecture) => new()
    {
        TaskDefinitionArn = TaskDefinitionArn,
        CpuArchitecture = cpuArchitecture,
        ContainerDefinitions =
        [
            new EcsContainerDefinition
            {
                Name = "api",
                Image = image,
                LogConfiguration = new EcsLogConfiguration("awslogs", new Dictionary<string, string> { ["awslogs-group"] = "/ecs/api", ["awslogs-stream-prefix"] = "ecs" }),
            },
        ],
    };

    private Task<Verdict> InvestigateAsync(EcsTask task)
    {
        EcsTaskRef.TryParse(task.TaskArn, out var reference);
        var context = new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), _evidence, TimeProvider.System) { Task = task };
        return CreateSut().InvestigateAsync(context, CancellationToken.None);
    }

    private static ExecFormatErrorPlaybook CreateSut() => new();
}
