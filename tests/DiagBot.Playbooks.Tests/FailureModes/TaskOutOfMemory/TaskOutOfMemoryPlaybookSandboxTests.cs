using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 7 against the sandbox's seeded tasks, through the live ECS client.</summary>
[Collection(SandboxReads.Name)]
public sealed class TaskOutOfMemoryPlaybookSandboxTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_SeededOomTask_ConfirmsOomFirst()
    {
        var report = await sandbox.DiagnoseAsync("p07-task-oom");

        var first = report.Verdicts[0];
        Assert.Equal((TaskOutOfMemory.Number, VerdictStatus.Confirmed, TaskOutOfMemoryPlaybook.OomSubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("--cluster prod", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_SeededOomTask_ChartsContainerInsightsMemoryReachingTheLimitAtTheKill()
    {
        var report = await sandbox.DiagnoseAsync("p07-task-oom");

        var verdict = report.Verdicts[0];
        var chart = Assert.Single(verdict.Charts);
        Assert.Equal(512, chart.Series[0].Points[^1].Value);
        Assert.Equal(512, Assert.Single(chart.Thresholds).Value);
        Assert.Contains(verdict.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Value == "512 MiB of 512 MiB");
        Assert.DoesNotContain(verdict.Fix, step => step.Contains("update-cluster-settings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_Seeded137WithoutReasonAtTheLimit_IsLikelyOutOfMemoryWithTheMemoryChart()
    {
        var report = await sandbox.DiagnoseAsync("p07-task-oom-no-reason");

        var first = report.Verdicts[0];
        Assert.Equal((TaskOutOfMemory.Number, VerdictStatus.Likely, TaskOutOfMemoryPlaybook.OomSubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("exited 137 with no reason given, but the task's memory was at its limit", first.RootCause, StringComparison.Ordinal);
        var chart = Assert.Single(first.Charts);
        Assert.Equal(("MiB", 1024.0), (chart.Unit, Assert.Single(chart.Thresholds).Value));
        Assert.Contains("reached its 1024 MiB limit before exporter was killed", chart.Title, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "cloudwatch:GetMetricData"
            && e.Fact.StartsWith("memory in the 5 minutes", StringComparison.Ordinal) && e.Value == "100 %");
    }

    [Fact]
    public async Task Diagnose_Seeded137WithoutContainerInsights_IsLikelyFromTheServiceMetricAndSaysHowToTurnItOn()
    {
        var report = await sandbox.DiagnoseAsync("p07-task-oom-service-metric");

        var first = report.Verdicts[0];
        Assert.Equal((TaskOutOfMemory.Number, VerdictStatus.Likely), (first.Playbook, first.Status));
        var chart = Assert.Single(first.Charts);
        Assert.Equal(("Percent", 100.0), (chart.Unit, chart.Series[0].Points.Max(p => p.Value)));
        Assert.Contains(first.Evidence, e => e.Value.StartsWith(
            "none: Container Insights with enhanced observability is off for cluster staging", StringComparison.Ordinal));
        Assert.Contains(first.Fix, step => step.Contains(
            "update-cluster-settings --region us-east-1 --cluster staging --settings name=containerInsights,value=enhanced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_SeededStopTimeoutTask_ShowsMemoryFarBelowTheLimit()
    {
        var report = await sandbox.DiagnoseAsync("lookalike-137-stop-timeout");

        var verdict = Assert.Single(report.Verdicts, v => v.SubCause == TaskOutOfMemoryPlaybook.SigKillSubCause);
        var share = Assert.Single(verdict.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Fact.StartsWith("memory in the 5 minutes", StringComparison.Ordinal));
        Assert.InRange(int.Parse(share.Value.TrimEnd(' ', '%'), System.Globalization.CultureInfo.InvariantCulture), 30, 40);
        Assert.Contains("stayed below its 2048 MiB limit", Assert.Single(verdict.Charts).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_SeededStopTimeoutTask_IsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync("lookalike-137-stop-timeout");

        Assert.False(report.FoundFailure);
        Assert.Contains(report.Verdicts, v => v.SubCause == TaskOutOfMemoryPlaybook.SigKillSubCause);
    }

    [Fact]
    public async Task Investigate_TaskDefinitionDenied_ConfirmsFromTheReasonAndNamesTheMissingAction()
    {
        var context = await sandbox.TaskContextAsync("p07-task-oom");
        sandbox.Sandbox.Faults.Set("ecs", "DescribeTaskDefinition", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await new TaskOutOfMemoryPlaybook().InvestigateAsync(context, CancellationToken.None);

            Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
            var gap = Assert.Single(verdict.Missing);
            Assert.Contains("ecs:DescribeTaskDefinition", gap.Detail, StringComparison.Ordinal);
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }
}
