using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 7 with the task's memory metrics: what Container Insights adds to a 137, and what its absence costs.</summary>
public sealed class TaskOutOfMemoryMetricsTests
{
    private static readonly DateTimeOffset Started = new(2026, 3, 14, 13, 20, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Stopped = Started.AddMinutes(40);
    private readonly ScriptedEvidence _ecs = new();
    private readonly FakeMetricsEvidence _metrics;

    public TaskOutOfMemoryMetricsTests()
    {
        _metrics = new FakeMetricsEvidence(_ecs);
        _ecs.TaskDefinitions.Add(EcsTasks.Definition(containerMemory: 512));
    }

    [Fact]
    public async Task Investigate_137WithoutReasonButMemoryAtTheLimit_IsLikelyOutOfMemoryWithAMemoryChart()
    {
        Memory(used: minute => 200 + (minute * 8), reserved: 512);

        var verdict = await InvestigateAsync(EcsTasks.KilledAfterStopTimeout());

        Assert.Equal((VerdictStatus.Likely, TaskOutOfMemoryPlaybook.OomSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("memory was at its limit", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Value == "100 %");
        var chart = Assert.Single(verdict.Charts);
        Assert.Equal(("memory-vs-limit", "MiB"), (chart.Kind, chart.Unit));
        Assert.Contains("reached its 512 MiB limit", chart.Title, StringComparison.Ordinal);
        Assert.Contains("14:00 UTC", chart.Title, StringComparison.Ordinal);
        Assert.Equal(512, Assert.Single(chart.Thresholds).Value);
        Assert.Equal((Stopped, "killed: exit 137"), (chart.Markers[0].At, chart.Markers[0].Label));
        Assert.Equal(41, chart.Series[0].Points.Count);
    }

    [Fact]
    public async Task Investigate_137WithoutReasonAndMemoryFarBelowTheLimit_StaysASigKillWithTheMemoryShown()
    {
        Memory(used: _ => 170, reserved: 512);

        var verdict = await InvestigateAsync(EcsTasks.KilledAfterStopTimeout());

        Assert.Equal((VerdictStatus.RuledOut, TaskOutOfMemoryPlaybook.SigKillSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Value == "170 MiB of 512 MiB");
        Assert.Contains("stayed below its 512 MiB limit", Assert.Single(verdict.Charts).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NoContainerInsightsData_SaysItIsOffAndHowToTurnItOnForThatCluster()
    {
        var verdict = await InvestigateAsync(EcsTasks.OutOfMemory());

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.Contains(verdict.Evidence, e => e.Value.Contains("Container Insights with enhanced observability is off for cluster prod", StringComparison.Ordinal));
        Assert.Contains(verdict.Fix, step => step.Contains(
            "`aws ecs update-cluster-settings --region us-east-1 --cluster prod --settings name=containerInsights,value=enhanced`", StringComparison.Ordinal));
        Assert.Empty(verdict.Charts);
    }

    [Fact]
    public async Task Investigate_MetricsDenied_IsAGapAndTheReasonStillConfirms()
    {
        _metrics.Gap = new EvidenceGap("monitoring", "GetMetricData", GapReason.AccessDenied, "not authorized to perform: cloudwatch:GetMetricData");

        var verdict = await InvestigateAsync(EcsTasks.OutOfMemory());

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.Equal("GetMetricData", Assert.Single(verdict.Missing).Operation);
        Assert.Empty(verdict.Charts);
    }

    [Fact]
    public async Task Investigate_StoppedTask_AsksOnceForPerTaskAndServiceMemoryOverItsLife()
    {
        await InvestigateAsync(EcsTasks.OutOfMemory());

        var request = Assert.Single(_metrics.Requests);
        Assert.Equal(["used", "reserved", "service"], request.Queries.Select(q => q.Id));
        Assert.Equal(["ClusterName", "TaskDefinitionFamily", "TaskId"], request.Queries[0].Dimensions.Select(d => d.Name));
        Assert.Equal(EcsTasks.OomTaskId, request.Queries[0].Dimensions[2].Value);
        Assert.Equal((Started.AddMinutes(-1), Stopped.AddMinutes(1)), (request.Start, request.End));
        Assert.Equal(("us-east-1", "111122223333"), (request.Region, request.AccountId));
    }

    private void Memory(Func<int, double> used, double reserved)
    {
        _metrics.Points["used"] = [.. Enumerable.Range(0, 41).Select(m => new MetricPoint(Started.AddMinutes(m), Math.Min(512, used(m))))];
        _metrics.Points["reserved"] = [.. Enumerable.Range(0, 41).Select(m => new MetricPoint(Started.AddMinutes(m), reserved))];
    }

    private Task<Verdict> InvestigateAsync(EcsTask task)
    {
        var timed = task with { StartedAt = Started, StoppedAt = Stopped, Group = "service:web" };
        EcsTaskRef.TryParse(timed.TaskArn, out var reference);
        var context = new DiagnosisContext(new TaskSubject(timed.TaskArn, reference!), _metrics, TimeProvider.System) { Task = timed };
        return new TaskOutOfMemoryPlaybook().InvestigateAsync(context, CancellationToken.None);
    }
}
