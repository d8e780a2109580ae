using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.LoadBalancing;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class Alb504TimeoutPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p13-alb-504";
    private const string ServiceName = "quote-engine";

    [Fact]
    public async Task Diagnose_SeededAlb504_ConfirmsIdleTimeoutExceededFirstWithRealIds()
    {
        var context = await sandbox.ServiceContextAsync(ServiceName);
        var targetGroupArn = context.Service!.LoadBalancers[0].TargetGroupArn!;
        var groups = await context.Evidence.LoadBalancing.DescribeTargetGroupsAsync([targetGroupArn], CancellationToken.None);
        var loadBalancerArn = groups.Value![0].LoadBalancerArns[0];

        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((Alb504Timeout.Number, VerdictStatus.Confirmed, Alb504TimeoutPlaybook.IdleTimeoutExceededSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"--load-balancer-arn {loadBalancerArn}", first.Confirm, StringComparison.Ordinal);
        Assert.Contains("--log-group-name /ecs/quotes", first.Confirm, StringComparison.Ordinal);
        Assert.Contains("--filter-pattern '\"completed in\"'", first.Confirm, StringComparison.Ordinal);
        Assert.Contains($"--target-group-arn {targetGroupArn}", first.Confirm, StringComparison.Ordinal);
        Assert.Contains("its 60 s idle timeout", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("up to 92 s", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("targets are healthy", first.RootCause, StringComparison.Ordinal);
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Investigate_HealthyOrdersApi_IsRuledOut()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync("orders-api"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Empty(verdict.Missing);
    }

    [Theory]
    [InlineData("catalog-api")]
    [InlineData("storefront")]
    [InlineData("notification-worker")]
    [InlineData("inventory-sync")]
    public async Task Investigate_UnhealthyNoTargetsCrashLoopOrNoLoadBalancer_DoesNotMatch(string service)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(service), CancellationToken.None);

        Assert.False(verdict.Status.IsFailureFound(), $"{service}: {verdict.Status} {verdict.RootCause}");
        Assert.Null(verdict.SubCause);
    }

    [Theory]
    [InlineData("elasticloadbalancing", "DescribeLoadBalancerAttributes", VerdictStatus.Likely)]
    [InlineData("elasticloadbalancing", "DescribeTargetGroups", VerdictStatus.Likely)]
    public async Task Investigate_DecidingReadDenied_IsNotConfirmedAndNamesTheGap(string source, string operation, VerdictStatus expected)
    {
        var verdict = await InvestigateWithFaultAsync(source, operation);

        Assert.Equal(expected, verdict.Status);
        Assert.Contains(verdict.Missing, gap => gap.Reason == GapReason.AccessDenied && gap.Operation == operation);
    }

    [Theory]
    [InlineData("logs", "FilterLogEvents")]
    [InlineData("ecs", "DescribeTaskDefinition")]
    public async Task Investigate_LogsUnreadable_TargetResponseTimeAtTheIdleTimeoutConfirmsFromCloudWatch(string source, string operation)
    {
        var verdict = await InvestigateWithFaultAsync(source, operation);

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.Contains("p99 response time reached 60 s", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Missing, gap => gap.Reason == GapReason.AccessDenied && gap.Operation == operation);
    }

    [Fact]
    public async Task Investigate_SeededService_ChartsP50AndP99AgainstTheIdleTimeoutWithThe504s()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(ServiceName), CancellationToken.None);

        var chart = Assert.Single(verdict.Charts);
        Assert.Equal(("response-time-vs-idle-timeout", "Seconds"), (chart.Kind, chart.Unit));
        Assert.Equal(["p50 TargetResponseTime", "p99 TargetResponseTime", "HTTPCode_ELB_504_Count"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series[1].Points, p => Assert.Equal(60, p.Value));
        Assert.Equal((60, "idle timeout 60 s"), (Assert.Single(chart.Thresholds).Value, chart.Thresholds[0].Label));
        Assert.Contains(verdict.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Value == "60 s (idle timeout 60 s)");
    }

    [Fact]
    public async Task Investigate_TargetHealthDenied_StillConfirmsAndSaysHealthWasNotRead()
    {
        var verdict = await InvestigateWithFaultAsync("elasticloadbalancing", "DescribeTargetHealth");

        // The idle timeout and the durations decide a 504; target health only corroborates it.
        Assert.Equal((VerdictStatus.Confirmed, Alb504TimeoutPlaybook.IdleTimeoutExceededSubCause), (verdict.Status, verdict.SubCause));
        Assert.Equal("DescribeTargetHealth", Assert.Single(verdict.Missing).Operation);
        Assert.Contains("health was not read", verdict.RootCause, StringComparison.Ordinal);
    }

    private async Task<Verdict> InvestigateWithFaultAsync(string source, string operation) =>
        await sandbox.InvestigateDeniedAsync(CreateSut(), await sandbox.ServiceContextAsync(ServiceName), source, operation);

    private static Alb504TimeoutPlaybook CreateSut() => new();
}
