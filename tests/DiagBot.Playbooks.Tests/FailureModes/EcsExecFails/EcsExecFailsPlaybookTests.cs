using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed partial class EcsExecFailsPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p15-ecs-exec-fails";
    private const string RoleArn = "arn:aws:iam::111122223333:role/admin-task-role";
    private const string Subnet = "subnet-0a1b2c3d4e5f60718";
    private const string Vpc = "vpc-0123456789abcdef0";
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Investigate_SeededTaskStartedBeforeServiceEnabledExec_ConfirmsWithRealIds()
    {
        var context = await sandbox.TaskContextAsync(Scenario);

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, EcsExecFailsPlaybook.TaskStartedBeforeExecEnabledSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--cluster prod --tasks {context.Task!.TaskId}", verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains("--services admin-console", verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains("--service admin-console --force-new-deployment", verdict.Fix[0], StringComparison.Ordinal);
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public async Task Diagnose_ExecFailsWordsOnTheSeededTask_ConfirmsItFirst()
    {
        var report = await DiagnoseAsync("ecs exec fails on " + sandbox.SubjectOf(Scenario));

        var first = report.Verdicts[0];
        Assert.Equal((EcsExecFails.Number, VerdictStatus.Confirmed, EcsExecFailsPlaybook.TaskStartedBeforeExecEnabledSubCause),
            (first.Playbook, first.Status, first.SubCause));
    }

    [Fact]
    public async Task Diagnose_ExecFailsWordsOnTheHealthyService_ExaminesARunningTaskAndFindsNoFailure()
    {
        var report = await DiagnoseAsync("ecs exec fails on service orders-api in prod");

        Assert.False(report.FoundFailure);
        var verdict = Assert.Single(report.Verdicts, v => v.Playbook == EcsExecFails.Number);
        Assert.Equal(EcsExecFailsPlaybook.EcsSideReadySubCause, verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_HealthyOrdersApiTask_IsRuledOutAsReadyOnTheEcsSide()
    {
        var verdict = await CreateSut().InvestigateAsync(await HealthyContextAsync(), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, EcsExecFailsPlaybook.EcsSideReadySubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("simulate-principal-policy --policy-source-arn arn:aws:iam::", string.Join(' ', verdict.Fix), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p07-task-oom")]
    [InlineData("lookalike-user-stop")]
    public async Task Investigate_StoppedTaskOfAnotherFailure_IsRuledOut(string scenario)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.TaskContextAsync(scenario), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, EcsExecFailsPlaybook.TaskNotRunningSubCause), (verdict.Status, verdict.SubCause));
    }

    [Theory]
    [InlineData("ecs", "DescribeServices")]
    [InlineData("ecs", "DescribeTaskDefinition")]
    [InlineData("cloudtrail", "LookupEvents")]
    [InlineData("ec2", "DescribeSubnets")]
    [InlineData("ec2", "DescribeRouteTables")]
    [InlineData("ec2", "DescribeVpcEndpoints")]
    public async Task Investigate_SeededIncidentWithOneSourceDenied_StillConfirmsFromTheTaskAndNamesTheGap(string service, string operation)
    {
        var verdict = await WithFaultAsync(service, operation, await sandbox.TaskContextAsync(Scenario));

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.Contains(verdict.Missing, gap => gap.Operation == operation && gap.Reason == GapReason.AccessDenied);
    }

    [Theory]
    [InlineData("ecs", "DescribeTaskDefinition")]
    [InlineData("cloudtrail", "LookupEvents")]
    [InlineData("ec2", "DescribeRouteTables")]
    public async Task Investigate_HealthyTaskWithTheDecidingSourceDenied_IsInconclusive(string service, string operation)
    {
        var verdict = await WithFaultAsync(service, operation, await HealthyContextAsync());

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Contains(verdict.Missing, gap => gap.Operation == operation);
    }

    private async Task<Verdict> WithFaultAsync(string service, string operation, DiagnosisContext context)
    {
        sandbox.Sandbox.Faults.Set(service, operation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            return await CreateSut().InvestigateAsync(context, CancellationToken.None);
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }

    private Task<DiagnosisReport> DiagnoseAsync(string text)
    {
        var diagnoser = new Diagnoser(sandbox.Sessions, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), sandbox.Clock);
        return diagnoser.DiagnoseAsync(SubjectParser.Parse(text).Subject!, CancellationToken.None);
    }

    private async Task<DiagnosisContext> HealthyContextAsync()
    {
        var evidence = sandbox.Sessions.StartSession();
        var arns = await evidence.Ecs.ListTasksAsync(new EcsTaskListQuery("prod") { ServiceName = "orders-api" }, CancellationToken.None);
        Assert.True(EcsTaskRef.TryParse(Assert.IsAssignableFrom<IReadOnlyList<string>>(arns.Value)[0], out var reference));
        var task = (await evidence.Ecs.DescribeTaskAsync(reference, CancellationToken.None)).Value!;
        return new DiagnosisContext(new TaskSubject(task.TaskArn, reference), evidence, sandbox.Clock) { Task = task };
    }

    private static EcsExecFailsPlaybook CreateSut() => new();
}
