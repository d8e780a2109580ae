using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.LoadBalancing;

/// <summary>A target group that no ECS service uses, diagnosed from what the group and its targets show.</summary>
public sealed class TargetGroupAloneTests
{
    [Fact]
    public async Task Diagnose_EmptyAttachedGroupNoServiceUses_ConfirmsNoServiceRegistersAndNamesTheMissingService()
    {
        var world = CreateWorld();
        world.Health[LoadBalancedWorld.TargetGroupArn] = [];

        var report = await DiagnoseAsync(world, "ALB 503 on target group web-tg");

        var first = report.Verdicts[0];
        Assert.Equal((Alb503NoTargets.Number, VerdictStatus.Confirmed), (first.Playbook, first.Status));
        Assert.Equal("no-service-registers-targets", first.SubCause);
        Assert.Contains("no ECS service names it", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(LoadBalancedWorld.TargetGroupArn, first.Confirm, StringComparison.Ordinal);
        Assert.Contains(report.TriageGaps, g => g.Reason == GapReason.NotFound && g.Detail.Contains("no ECS service", StringComparison.Ordinal) && g.Detail.Contains("web-tg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_GroupAttachedToNoLoadBalancer_IsLikelyNotAttached()
    {
        var world = CreateWorld();
        world.TargetGroups[0] = world.TargetGroups[0] with { LoadBalancerArns = [] };
        world.Health[LoadBalancedWorld.TargetGroupArn] = [];

        var report = await DiagnoseAsync(world, LoadBalancedWorld.TargetGroupArn);

        Assert.Equal((Alb503NoTargets.Number, VerdictStatus.Likely, "target-group-not-attached"),
            (report.Verdicts[0].Playbook, report.Verdicts[0].Status, report.Verdicts[0].SubCause));
    }

    [Fact]
    public async Task Diagnose_TargetsAnswer404_ConfirmsHealthCheckPathNotFound()
    {
        var world = CreateWorld();
        world.Health[LoadBalancedWorld.TargetGroupArn] = [LoadBalancedWorld.Target("10.0.1.10", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]")];

        var report = await DiagnoseAsync(world, "target group web-tg");

        var first = report.Verdicts[0];
        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Confirmed, "health-check-path-not-found"), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("/health", first.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_TargetsTimeOut_IsOnlyLikelyWithoutTheService()
    {
        var world = CreateWorld();
        world.Health[LoadBalancedWorld.TargetGroupArn] = [LoadBalancedWorld.Target("10.0.1.10", "unhealthy", "Target.Timeout", "Request timed out")];

        var report = await DiagnoseAsync(world, "target group web-tg");

        Assert.Equal((TargetsUnhealthy.Number, VerdictStatus.Likely), (report.Verdicts[0].Playbook, report.Verdicts[0].Status));
        Assert.Contains("security groups and containerPort could not be compared", report.Verdicts[0].RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_HealthDenied_NeverConfirmsAndNamesTheGap()
    {
        var world = CreateWorld();
        world.Gaps["DescribeTargetHealth"] = ScriptedAnswers.Denied("elasticloadbalancing", "DescribeTargetHealth");

        var report = await DiagnoseAsync(world, "ALB 503 on target group web-tg");

        Assert.DoesNotContain(report.Verdicts, v => v.Status == VerdictStatus.Confirmed);
        Assert.Contains(report.Verdicts, v => v.Playbook == Alb503NoTargets.Number && v.Status == VerdictStatus.Inconclusive && v.Missing.Any(g => g.Reason == GapReason.AccessDenied));
    }

    [Fact]
    public async Task Diagnose_504OnGroupNoServiceUses_AsksForTheService()
    {
        var report = await DiagnoseAsync(CreateWorld(), "ALB 504 on target group web-tg");

        var timeout = Assert.Single(report.Verdicts, v => v.Playbook == Alb504Timeout.Number);
        Assert.Equal(VerdictStatus.Inconclusive, timeout.Status);
        Assert.Contains("service <name> in <cluster>", timeout.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALB 503 on target group web-tg", Alb503NoTargets.Number)]
    [InlineData("targets unhealthy in target group web-tg", TargetsUnhealthy.Number)]
    [InlineData("ALB 504 on target group web-tg", Alb504Timeout.Number)]
    public async Task Diagnose_ControllersGroupWithNoClusterConfigured_SaysWhoseItIsAndGivesNoConsoleOrEcsFix(string text, int playbook)
    {
        var world = CreateWorld();
        world.Tags[LoadBalancedWorld.TargetGroupArn] = new()
        {
            ["elbv2.k8s.aws/cluster"] = "prod-eks", ["ingress.k8s.aws/stack"] = "shop/web", ["ingress.k8s.aws/resource"] = "shop/web-web:80",
        };
        world.Health[LoadBalancedWorld.TargetGroupArn] =
            [LoadBalancedWorld.Target("10.0.1.10", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]")];

        var report = await DiagnoseAsync(world, text);

        var verdict = Assert.Single(report.Verdicts, v => v.Playbook == playbook);
        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Contains("is the AWS Load Balancer Controller's (elbv2.k8s.aws/cluster=prod-eks, ingress.k8s.aws/stack=shop/web, "
            + "ingress.k8s.aws/resource=shop/web-web:80)", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("settings come from Ingress shop/web's annotations; no Kubernetes cluster is configured", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("aws elbv2 describe-tags", verdict.Confirm, StringComparison.Ordinal);
        Assert.DoesNotContain(verdict.Fix, step => step.Contains("aws ecs", StringComparison.Ordinal) || step.Contains("ECS", StringComparison.Ordinal));
        Assert.DoesNotContain(report.TriageGaps, g => g.Detail.Contains("no ECS service", StringComparison.Ordinal));
    }

    // The world's group, with no service pointing at it.
    private static FakeLoadBalancerEvidence CreateWorld()
    {
        var world = LoadBalancedWorld.Create();
        world.Services.Clear();
        return world;
    }

    private static Task<DiagnosisReport> DiagnoseAsync(FakeLoadBalancerEvidence world, string text) =>
        new Diagnoser(world, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System)
            .DiagnoseAsync(SubjectParser.Parse(text).Subject!, CancellationToken.None);
}
