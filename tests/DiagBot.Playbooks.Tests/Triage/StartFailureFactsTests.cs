using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Triage;

/// <summary>Issue 18: a task that never started ranks playbook 1 on its subnet's evidence, whatever its stoppedReason says.</summary>
public sealed class StartFailureFactsTests
{
    // ECS's own TaskFailedToStart wording for a subnet without enough addresses:
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/failed-to-start-error.html
    private const string CreateNetworkInterfaceError =
        $"Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet '{StartupTasks.SubnetId}'";

    // The image pull that times out when the subnet has no route out (the stopped-task error codes page's example form).
    private const string PullTimeout =
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): "
        + "failed to resolve ref 111122223333.dkr.ecr.us-east-1.amazonaws.com/ledger:2.0.1: "
        + "failed to do request: Head \"https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/ledger/manifests/2.0.1\": dial tcp 52.0.0.1:443: i/o timeout";

    [Fact]
    public async Task Rank_CreateNetworkInterfaceErrorInAFullSubnet_RanksPlaybookOneFirstAndSaysWhy()
    {
        // No attachment details: the subnet is the one ECS names in the reason.
        var task = StartupTasks.Task("STOPPED", CreateNetworkInterfaceError) with { Attachments = [] };

        var ranking = await RankAsync(task, StartupTasks.Network(freeIps: 0), StartFailureFacts.FreeAddressesAsync);

        Assert.Equal(TaskStuckProvisioning.Number, ranking[0].Playbook.Id);
        Assert.Contains($"subnet {StartupTasks.SubnetId} has 0 free IP addresses", ranking[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_PullTimeoutWithNoRouteOut_RanksPlaybookOneAboveThePullWords()
    {
        var task = StartupTasks.Task("STOPPED", PullTimeout);

        var ranking = await RankAsync(task, StartupTasks.Network(route: "none", endpoints: "s3"), StartFailureFacts.PathAsync);

        Assert.Equal([TaskStuckProvisioning.Number, CannotPullContainer.Number], ranking.Take(2).Select(r => r.Playbook.Id));
        Assert.Contains("no endpoints for ecr.api, ecr.dkr, logs", ranking[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_PullTimeoutWithNatRoute_RanksOnTheWordsAlone()
    {
        var task = StartupTasks.Task("STOPPED", PullTimeout);

        var ranking = await RankAsync(task, StartupTasks.Network(), StartFailureFacts.PathAsync);

        Assert.Equal(CannotPullContainer.Number, ranking[0].Playbook.Id);
        Assert.DoesNotContain(ranking, r => r.Playbook.Id == TaskStuckProvisioning.Number);
    }

    [Fact]
    public async Task Read_TaskThatBeganPullingInANowFullSubnet_AddsNoFact()
    {
        // It had its network interface: the subnet filled up after it, not before.
        var task = StartupTasks.Task("STOPPED", PullTimeout) with { PullStartedAt = TimeProvider.System.GetUtcNow().AddMinutes(-5) };

        var evidence = StartupTasks.Network(freeIps: 0);

        Assert.Empty(await BothReadsAsync(evidence, task));
    }

    [Fact]
    public async Task Read_TaskThatRan_AddsNoFact()
    {
        var evidence = StartupTasks.Network(freeIps: 0);
        var task = StartupTasks.Task("STOPPED", "Essential container in task exited")
            with { StartedAt = TimeProvider.System.GetUtcNow().AddMinutes(-9), StopCode = "EssentialContainerExited" };

        Assert.Empty(await BothReadsAsync(evidence, task));
    }

    [Fact]
    public async Task Investigate_CreateNetworkInterfaceErrorInAFullSubnet_ConfirmsNoFreeAddressesForAStoppedTask()
    {
        var task = StartupTasks.Task("STOPPED", CreateNetworkInterfaceError) with { Attachments = [] };
        var context = StartupTasks.Context(task, StartupTasks.Network(freeIps: 0));

        var verdict = await new TaskStuckProvisioningPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.NoFreeIpsSubCause), (verdict.Status, verdict.SubCause));
        Assert.EndsWith($"cannot create the network interface of task {StartupTasks.TaskId} and stopped it before it started.", verdict.RootCause,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_TaskThatFailedToStartInAFullSubnet_AnswersPlaybookOneFirst()
    {
        var evidence = new ScriptedEvidence();
        evidence.Tasks.Add(StartupTasks.Task("STOPPED", CreateNetworkInterfaceError) with { Attachments = [] });
        evidence.Subnets.Add(new Subnet(StartupTasks.SubnetId, StartupTasks.VpcId, "us-east-1a", "10.0.8.0/24", 0, false));

        var report = await DiagnoseAsync(evidence);

        Assert.Equal(TaskStuckProvisioning.Number, report.Ranking[0].Playbook.Id);
        Assert.Equal((TaskStuckProvisioning.Number, VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.NoFreeIpsSubCause),
            (report.Verdicts[0].Playbook, report.Verdicts[0].Status, report.Verdicts[0].SubCause));
    }

    [Fact]
    public async Task Diagnose_PullTimeoutInASubnetWithNoWayOut_AnswersPlaybookOneFirstAfterTheReads()
    {
        var evidence = StartupTasks.Network(route: "none", endpoints: "s3");
        evidence.Tasks.Add(StartupTasks.Task("STOPPED", PullTimeout));

        var report = await DiagnoseAsync(evidence);

        Assert.Equal([TaskStuckProvisioning.Number, CannotPullContainer.Number], report.Ranking.Take(2).Select(r => r.Playbook.Id));
        Assert.Equal((TaskStuckProvisioning.Number, VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.NoRouteSubCause),
            (report.Verdicts[0].Playbook, report.Verdicts[0].Status, report.Verdicts[0].SubCause));
    }

    private static Task<DiagnosisReport> DiagnoseAsync(ScriptedEvidence evidence) =>
        new Diagnoser(evidence, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System)
            .DiagnoseAsync(SubjectParser.Parse($"task {evidence.Tasks[0].TaskArn}").Subject!, CancellationToken.None);

    private static async Task<IReadOnlyList<RankedPlaybook>> RankAsync(
        EcsTask task, ScriptedEvidence evidence, Func<IEvidenceSource, EcsTask, CancellationToken, Task<IReadOnlyList<TriageFact>>> read)
    {
        var facts = await read(evidence, task, CancellationToken.None);
        return new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()).Rank([.. TaskFacts.From(task), .. facts]);
    }

    private static async Task<IReadOnlyList<TriageFact>> BothReadsAsync(IEvidenceSource evidence, EcsTask task) =>
        [
            .. await StartFailureFacts.FreeAddressesAsync(evidence, task, CancellationToken.None),
            .. await StartFailureFacts.PathAsync(evidence, task, CancellationToken.None),
        ];
}
