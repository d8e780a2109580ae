using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed partial class SpotInterruptionPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string TaskId = "5e1f0a2b3c4d5e6f708192a3b4c5d6e7";
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Diagnose_SeededSpotInterruption_ConfirmsNoOnDemandBaseFirstWithRealIds()
    {
        var report = await sandbox.DiagnoseAsync("p11-spot-interruption");

        var first = report.Verdicts[0];
        Assert.Equal((SpotInterruption.Number, VerdictStatus.Confirmed, SpotInterruptionPlaybook.NoOnDemandBaseSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("--cluster prod --services image-resizer", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, item => item.Source == "ecs:DescribeServices" && item.Value.Contains("base=0", StringComparison.Ordinal));
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Diagnose_SeededSpotInterruption_ChartsTheReclaimAndTheReplacementStart()
    {
        var report = await sandbox.DiagnoseAsync("p11-spot-interruption");

        var chart = Assert.Single(report.Verdicts[0].Charts);
        Assert.Equal("task-timeline", chart.Kind);
        Assert.StartsWith("Service image-resizer: Spot reclaimed task ", chart.Title, StringComparison.Ordinal);
        Assert.EndsWith("; 2 of 3 running now", chart.Title, StringComparison.Ordinal);
        Assert.Equal(1, chart.Series.Single(s => s.Name == "stopped: SpotInterruption, exit 143").Points.Single().Value);
        // The reclaimed task's own start, then the scheduler's replacement 5 minutes ago.
        Assert.Equal(2, chart.Series.Single(s => s.Name == "started").Points.Count);
        Assert.Equal(3, Assert.Single(chart.Thresholds).Value);
    }

    [Fact]
    public async Task Investigate_HealthySpotTaskOfServiceWithOnDemandBase_IsRuledOut()
    {
        var evidence = sandbox.Sessions.StartSession();
        var arns = await evidence.Ecs.ListTasksAsync(new EcsTaskListQuery("prod") { ServiceName = "inventory-sync" }, CancellationToken.None);
        Assert.True(arns.HasValue, arns.Gap?.ToString());
        var tasks = await Task.WhenAll(arns.Value!.Select(arn => DescribeAsync(evidence, arn)));
        var spotTask = Assert.Single(tasks, t => t.CapacityProviderName == SpotCapacity.FargateSpot);

        var verdict = await CreateSut().InvestigateAsync(ContextFor(spotTask, evidence, sandbox.Clock), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("lookalike-scale-in")]
    [InlineData("p07-task-oom")]
    public async Task Investigate_ScaleInOrUnrelatedOom_IsRuledOut(string scenario)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.TaskContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_DescribeServicesDenied_IsLikelyAndNamesTheGap()
    {
        var context = await sandbox.TaskContextAsync("p11-spot-interruption");
        sandbox.Sandbox.Faults.Set("ecs", "DescribeServices", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

            Assert.Equal((VerdictStatus.Likely, SpotInterruptionPlaybook.StrategyUnreadSubCause), (verdict.Status, verdict.SubCause));
            var gap = Assert.Single(verdict.Missing);
            Assert.Equal((GapReason.AccessDenied, "DescribeServices"), (gap.Reason, gap.Operation));
            Assert.Contains("--services image-resizer", verdict.Confirm, StringComparison.Ordinal);
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }

    [Fact]
    public async Task Investigate_ReasonWordingWithoutStopCode_StillConfirms()
    {
        _evidence.Services.Add(Service(new EcsCapacityProviderStrategyItem("FARGATE_SPOT", 1, 0)));

        var verdict = await InvestigateAsync(Interrupted(stopCode: null, reason: "Your Spot Task was interrupted."));

        Assert.Equal((VerdictStatus.Confirmed, SpotInterruptionPlaybook.NoOnDemandBaseSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_TerminationNoticeOnFargateSpot_Confirms()
    {
        _evidence.Services.Add(Service(new EcsCapacityProviderStrategyItem("FARGATE_SPOT", 1, 0)));

        var verdict = await InvestigateAsync(Interrupted(stopCode: "TerminationNotice", reason: "Task stopped"));

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
    }

    [Fact]
    public async Task Investigate_TerminationNoticeOnOnDemandFargate_IsRuledOut()
    {
        var verdict = await InvestigateAsync(Interrupted(stopCode: "TerminationNotice", reason: "Task stopped") with { CapacityProviderName = "FARGATE" });

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.DoesNotContain("DescribeServices", _evidence.Calls);
    }

    [Fact]
    public async Task Investigate_ServiceKeepsAnOnDemandBase_IsRuledOutAsAbsorbed()
    {
        _evidence.Services.Add(Service(new EcsCapacityProviderStrategyItem("FARGATE", 1, 2), new EcsCapacityProviderStrategyItem("FARGATE_SPOT", 3, 0)));

        var verdict = await InvestigateAsync(Interrupted());

        Assert.Equal((VerdictStatus.RuledOut, SpotInterruptionPlaybook.OnDemandBaseSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("2 on FARGATE", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_BaseOnTheSameSpotEc2Provider_IsNoOnDemandBase()
    {
        _evidence.Services.Add(Service(new EcsCapacityProviderStrategyItem("workers-cp", 1, 2)));

        var verdict = await InvestigateAsync(Interrupted() with { CapacityProviderName = "workers-cp" });

        Assert.Equal((VerdictStatus.Confirmed, SpotInterruptionPlaybook.NoOnDemandBaseSubCause), (verdict.Status, verdict.SubCause));
        Assert.DoesNotContain("<", string.Join(' ', verdict.Fix), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_StandaloneSpotTask_ConfirmsWithoutReadingAService()
    {
        var verdict = await InvestigateAsync(Interrupted() with { Group = "family:nightly-batch" });

        Assert.Equal((VerdictStatus.Confirmed, SpotInterruptionPlaybook.StandaloneTaskSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--tasks {TaskId}", verdict.Confirm, StringComparison.Ordinal);
        Assert.Empty(_evidence.Calls);
    }

    [Fact]
    public async Task Investigate_ServiceWithoutItsOwnStrategy_IsLikelyAndNamesTheClusterDefault()
    {
        _evidence.Services.Add(Service());

        var verdict = await InvestigateAsync(Interrupted());

        Assert.Equal(VerdictStatus.Likely, verdict.Status);
        Assert.Equal("DescribeClusters", Assert.Single(verdict.Missing).Operation);
    }
}
