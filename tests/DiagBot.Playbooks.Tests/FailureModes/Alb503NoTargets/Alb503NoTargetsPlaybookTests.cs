using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.LoadBalancing;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class Alb503NoTargetsPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p05-alb-503";

    [Fact]
    public async Task Diagnose_SeededAlb503_ConfirmsTargetTypeMismatchFirstWithRealIds()
    {
        var targetGroupArn = (await sandbox.ServiceAsync("storefront")).LoadBalancers[0].TargetGroupArn!;

        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((Alb503NoTargets.Number, VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.TargetTypeMismatchSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"--target-group-arn {targetGroupArn}", first.Confirm, StringComparison.Ordinal);
        Assert.Contains($"--region {sandbox.Sandbox.Options.Region}", first.Confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("<", first.Confirm, StringComparison.Ordinal);
        Assert.Contains("TargetType is instance", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "elasticloadbalancing:DescribeTargetGroups" && e.Value == "instance");
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Investigate_StorefrontTaskSubject_ReadsItsServiceFromTheGroupAndConfirms()
    {
        var context = await sandbox.ServiceTaskContextAsync("storefront");

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.TargetTypeMismatchSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_HealthyOrdersApi_IsRuledOut()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync("orders-api"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("3 healthy", verdict.RootCause, StringComparison.Ordinal);
        Assert.Empty(verdict.Missing);
    }

    [Theory]
    [InlineData("catalog-api")]
    [InlineData("quote-engine")]
    [InlineData("notification-worker")]
    [InlineData("inventory-sync")]
    public async Task Investigate_UnhealthyTimeoutCrashLoopOrNoLoadBalancer_IsRuledOut(string service)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(service), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_RegisteredButAllUnhealthy_PointsAtPlaybook6()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync("catalog-api"), CancellationToken.None);

        Assert.Contains("fails open", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeTargetHealth", Alb503NoTargetsPlaybook.TargetTypeMismatchSubCause)]
    [InlineData("DescribeTargetGroups", Alb503NoTargetsPlaybook.RegistrationFailedSubCause)]
    public async Task Investigate_LoadBalancingReadDenied_IsLikelyAndNamesTheGap(string operation, string subCause)
    {
        var verdict = await InvestigateWithFaultAsync("elasticloadbalancing", operation);

        Assert.Equal((VerdictStatus.Likely, subCause), (verdict.Status, verdict.SubCause));
        var gap = Assert.Single(verdict.Missing);
        Assert.Equal((GapReason.AccessDenied, operation), (gap.Reason, gap.Operation));
        Assert.Contains("awsvpc", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TaskDefinitionDenied_StillConfirmsFromTheFargateServiceAndNamesTheGap()
    {
        var verdict = await InvestigateWithFaultAsync("ecs", "DescribeTaskDefinition");

        // Fargate runs only awsvpc tasks: the service's launch type proves the network mode the definition would show.
        Assert.Equal((VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.TargetTypeMismatchSubCause), (verdict.Status, verdict.SubCause));
        Assert.Equal("DescribeTaskDefinition", Assert.Single(verdict.Missing).Operation);
    }

    [Fact]
    public async Task Investigate_ServiceOfTaskDenied_IsInconclusiveAndNamesTheGap()
    {
        var context = await sandbox.ServiceTaskContextAsync("storefront");
        sandbox.Sandbox.Faults.Set("ecs", "DescribeServices", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

            Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
            Assert.Equal((GapReason.AccessDenied, "DescribeServices"), (Assert.Single(verdict.Missing).Reason, verdict.Missing[0].Operation));
            Assert.Contains("service storefront in", verdict.RootCause, StringComparison.Ordinal);
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }

    private async Task<Verdict> InvestigateWithFaultAsync(string service, string operation) =>
        await sandbox.InvestigateDeniedAsync(CreateSut(), await sandbox.ServiceContextAsync("storefront"), service, operation);

    [Fact]
    public async Task Investigate_SeededStorefront_ChartsNoHealthyHostSinceTheMoveWithTheLoadBalancers503s()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync("storefront"), CancellationToken.None);

        var chart = Assert.Single(verdict.Charts);
        Assert.Equal(("target-health", "Hosts"), (chart.Kind, chart.Unit));
        Assert.Equal(["HealthyHostCount", "UnHealthyHostCount", "HTTPCode_ELB_503_Count"], chart.Series.Select(s => s.Name));
        Assert.StartsWith("storefront-tg has had no healthy target since ", chart.Title, StringComparison.Ordinal);
        Assert.Equal(2, chart.Series[0].Points[0].Value);
        Assert.Equal(0, chart.Series[0].Points[^1].Value);
        Assert.True(chart.Series[2].Points.Sum(p => p.Value) > 0);
        var fact = Assert.Single(verdict.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Fact.Contains("HealthyHostCount", StringComparison.Ordinal));
        Assert.Matches(@"^0 since \d\d:\d\d UTC \(2 before\)$", fact.Value);
    }

    private static Alb503NoTargetsPlaybook CreateSut() => new();
}
