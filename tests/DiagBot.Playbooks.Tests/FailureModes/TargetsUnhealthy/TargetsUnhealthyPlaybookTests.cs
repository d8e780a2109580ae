using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.LoadBalancing;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class TargetsUnhealthyPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p06-targets-unhealthy";
    private const string ServiceName = "catalog-api";

    [Fact]
    public async Task Diagnose_SeededUnhealthyTargets_ConfirmsSecurityGroupBlockFirstWithRealIds()
    {
        var service = await sandbox.ServiceAsync(ServiceName);
        var taskGroup = service.NetworkConfiguration!.SecurityGroups[0];

        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"--group-ids {taskGroup} sg-", first.Confirm, StringComparison.Ordinal);
        Assert.Contains($"--target-group-arn {service.LoadBalancers[0].TargetGroupArn}", first.Confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("<", first.Confirm, StringComparison.Ordinal);
        Assert.Contains($"--group-id {taskGroup} --protocol tcp --port 8080 --source-group sg-", first.Fix[0], StringComparison.Ordinal);
        Assert.Contains("Target.Timeout", first.RootCause, StringComparison.Ordinal);
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Investigate_HealthyOrdersApi_IsRuledOut()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync("orders-api"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("3 of 3 healthy", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storefront")]
    [InlineData("quote-engine")]
    [InlineData("notification-worker")]
    [InlineData("inventory-sync")]
    public async Task Investigate_NoTargetsTimeoutCrashLoopOrNoLoadBalancer_IsRuledOut(string service)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(service), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_EmptyTargetGroup_PointsAtPlaybook5()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync("storefront"), CancellationToken.None);

        Assert.Contains("alb-503-no-targets", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("elasticloadbalancing", "DescribeTargetHealth", TargetsUnhealthyPlaybook.SecurityGroupSubCause)]
    [InlineData("elasticloadbalancing", "DescribeTargetGroups", TargetsUnhealthyPlaybook.SecurityGroupSubCause)]
    [InlineData("ec2", "DescribeSecurityGroups", TargetsUnhealthyPlaybook.TimeoutSubCause)]
    public async Task Investigate_DecidingReadDenied_IsLikelyAndNamesTheGap(string source, string operation, string subCause)
    {
        var verdict = await InvestigateWithFaultAsync(source, operation);

        Assert.Equal((VerdictStatus.Likely, subCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, gap => gap.Reason == GapReason.AccessDenied && gap.Operation == operation);
    }

    [Theory]
    [InlineData("elasticloadbalancing", "DescribeLoadBalancers")]
    [InlineData("ecs", "DescribeTaskDefinition")]
    public async Task Investigate_ReadThatDoesNotDecideDenied_StillConfirmsAndNamesTheGap(string source, string operation)
    {
        var verdict = await InvestigateWithFaultAsync(source, operation);

        // No rule of the tasks' group admits 8080 from anywhere, so the load balancer's own groups cannot change the answer.
        Assert.Equal((VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause), (verdict.Status, verdict.SubCause));
        Assert.Equal(operation, Assert.Single(verdict.Missing).Operation);
    }

    private async Task<Verdict> InvestigateWithFaultAsync(string source, string operation) =>
        await sandbox.InvestigateDeniedAsync(CreateSut(), await sandbox.ServiceContextAsync(ServiceName), source, operation);

    [Fact]
    public async Task Investigate_SeededCatalogApi_ChartsTheHealthyHostsGoneAndTheUnhealthyOnes()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(ServiceName), CancellationToken.None);

        var chart = Assert.Single(verdict.Charts);
        Assert.Equal(["HealthyHostCount", "UnHealthyHostCount"], chart.Series.Select(s => s.Name));
        Assert.Equal((0, 2), (chart.Series[0].Points[^1].Value, chart.Series[1].Points[^1].Value));
        Assert.StartsWith("catalog-api-tg has had no healthy target since ", chart.Title, StringComparison.Ordinal);
    }

    private static TargetsUnhealthyPlaybook CreateSut() => new();
}
