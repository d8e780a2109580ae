using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using static DiagBot.Playbooks.Tests.Fakes.LoadBalancedWorld;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>The sub-causes of playbook 5 that the sandbox does not seed, on an in-memory service.</summary>
public sealed class Alb503NoTargetsSubCauseTests
{
    private readonly FakeLoadBalancerEvidence _world = Create();

    [Fact]
    public async Task Investigate_HealthyService_IsRuledOut()
    {
        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_IpTargetGroupWithBridgeTasks_ConfirmsTargetTypeMismatch()
    {
        NoTargets();
        Replace(_world.TargetGroups, g => g with { TargetType = "ip" });
        Replace(_world.TaskDefinitions, d => d with { NetworkMode = "bridge" });
        Replace(_world.Services, s => s with { LaunchType = "EC2", NetworkConfiguration = null });

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.TargetTypeMismatchSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("TargetType is ip while the tasks use bridge", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TargetGroupWithoutLoadBalancer_ConfirmsNotAttached()
    {
        _world.Health[TargetGroupArn] = [Target("10.0.1.10", "unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer")];
        Replace(_world.TargetGroups, g => g with { LoadBalancerArns = [] });

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.NotAttachedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--target-group-arns {TargetGroupArn}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_AttachedButEveryTargetNotInUse_ConfirmsZoneNotEnabled()
    {
        _world.Health[TargetGroupArn] = [Target("10.0.3.30", "unused", "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer")];

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.ZoneNotEnabledSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("eu-west-1a", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web", 9090)]
    [InlineData("sidecar", 8080)]
    public async Task Investigate_ServiceBindingDoesNotMatchTheContainer_ConfirmsContainerPortMismatch(string container, int port)
    {
        NoTargets();
        Replace(_world.Services, s => s with { LoadBalancers = [new EcsServiceLoadBalancer(TargetGroupArn, null, container, port)] });

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.ContainerPortMismatchSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--task-definition {TaskDefinitionArn}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "scaled to 0")]
    [InlineData(2, "runs 0 of 2")]
    public async Task Investigate_NoRunningTasks_ConfirmsNoRunningTasks(int desired, string words)
    {
        NoTargets();
        Replace(_world.Services, s => s with { DesiredCount = desired, RunningCount = 0 });

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, Alb503NoTargetsPlaybook.NoRunningTasksSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(words, verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_EmptyGroupWithNothingToExplainIt_IsLikelyUnexplained()
    {
        NoTargets();

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, Alb503NoTargetsPlaybook.UnexplainedSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_HealthDeniedAndConfigurationSound_IsInconclusiveNamingTheGap()
    {
        _world.Gaps["DescribeTargetHealth"] = new EvidenceGap("elasticloadbalancing", "DescribeTargetHealth", GapReason.AccessDenied, "not authorized");

        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Equal("DescribeTargetHealth", Assert.Single(verdict.Missing).Operation);
    }

    [Fact]
    public async Task Investigate_NoServiceAndNoTask_AsksForTheService()
    {
        var context = new DiagnosisContext(new SymptomSubject("ALB 503"), _world, TimeProvider.System);

        var verdict = await new Alb503NoTargetsPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Contains("service <name> in <cluster>", verdict.RootCause, StringComparison.Ordinal);
        Assert.Empty(_world.Calls);
    }

    private void NoTargets() => _world.Health[TargetGroupArn] = [];

    private Task<Verdict> InvestigateAsync() => new Alb503NoTargetsPlaybook().InvestigateAsync(ServiceContext(_world), CancellationToken.None);
}
