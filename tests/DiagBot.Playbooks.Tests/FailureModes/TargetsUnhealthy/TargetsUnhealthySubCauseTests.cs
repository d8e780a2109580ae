using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using static DiagBot.Playbooks.Tests.Fakes.LoadBalancedWorld;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>The sub-causes of playbook 6 that the sandbox does not seed, on an in-memory service.</summary>
public sealed class TargetsUnhealthySubCauseTests
{
    private readonly FakeLoadBalancerEvidence _world = Create();

    [Fact]
    public async Task Investigate_HealthyService_IsRuledOut()
    {
        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_TargetsStillInitial_IsRuledOut()
    {
        _world.Health[TargetGroupArn] = [Target("10.0.1.10", "initial", "Elb.InitialHealthChecking", "Initial health checks in progress")];

        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_HealthCheckOnAnotherPort_ConfirmsPortMismatch()
    {
        Unhealthy("Target.FailedHealthChecks", "Health checks failed");
        Replace(_world.TargetGroups, g => g with { HealthCheckPort = "80" });

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.PortMismatchSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("probes port 80 while container web serves on 8080", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Health checks failed with these codes: [404]", TargetsUnhealthyPlaybook.PathNotFoundSubCause)]
    [InlineData("Health checks failed with these codes: [301]", TargetsUnhealthyPlaybook.MatcherSubCause)]
    [InlineData("Health checks failed with these codes: [503]", TargetsUnhealthyPlaybook.AppErrorSubCause)]
    public async Task Investigate_ResponseCodeMismatch_ConfirmsByTheCodesSeen(string description, string subCause)
    {
        Unhealthy("Target.ResponseCodeMismatch", description);

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, subCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("/health", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TasksGroupAdmitsAnotherGroupOnly_ConfirmsSecurityGroupBlock()
    {
        Unhealthy("Target.Timeout", "Request timed out");
        _world.SecurityGroups[1] = Group(TaskGroup, Tcp(8080, source: "sg-0bastion"));

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"not from the load balancer's group(s) {AlbGroup}", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains($"--group-ids {TaskGroup} {AlbGroup}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_LoadBalancerGroupAllowsNoEgressOnThePort_ConfirmsSecurityGroupBlock()
    {
        Unhealthy("Target.Timeout", "Request timed out");
        _world.SecurityGroups[0] = new SecurityGroup(AlbGroup, "alb", "vpc-0prod", [Tcp(443, cidr: "0.0.0.0/0")], [Tcp(80, cidr: "10.0.0.0/16")]);

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("egress", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_LoadBalancerSharesTheTasksGroupWithNoEgressOnThePort_ReadsItOnceAndConfirmsTheBlock()
    {
        Unhealthy("Target.Timeout", "Request timed out");
        Replace(_world.LoadBalancers, lb => lb with { SecurityGroups = [TaskGroup] });
        _world.SecurityGroups[1] = new SecurityGroup(TaskGroup, "shared", "vpc-0prod", [Tcp(8080, source: TaskGroup)], [Tcp(443, cidr: "0.0.0.0/0")]);

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, TargetsUnhealthyPlaybook.SecurityGroupSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"the load balancer's group(s) {TaskGroup} allow no egress on tcp 8080", verdict.RootCause, StringComparison.Ordinal);
        Assert.Single(_world.Calls, call => call == "DescribeSecurityGroups");
    }

    [Fact]
    public async Task Investigate_LoadBalancerSecurityGroupsUnreadAndOnlyGroupRules_IsLikely()
    {
        Unhealthy("Target.Timeout", "Request timed out");
        _world.SecurityGroups[1] = Group(TaskGroup, Tcp(8080, source: "sg-0bastion"));
        _world.Gaps["DescribeLoadBalancers"] = ScriptedAnswers.Denied("elasticloadbalancing", "DescribeLoadBalancers");

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, TargetsUnhealthyPlaybook.TimeoutSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("load balancer's groups were not read", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_CidrRuleAdmitsThePortAndChecksTimeOut_IsLikelyTimeout()
    {
        Unhealthy("Target.Timeout", "Request timed out");
        _world.SecurityGroups[1] = Group(TaskGroup, Tcp(8080, cidr: "10.0.0.0/16"));

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, TargetsUnhealthyPlaybook.TimeoutSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("although the security groups admit them", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ConnectionFailuresWithPathOpen_IsLikelyConnectionFailed()
    {
        Unhealthy("Target.FailedHealthChecks", "Health checks failed");

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, TargetsUnhealthyPlaybook.FailedChecksSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_TasksReplacedWithinAShortGracePeriod_IsLikelyGracePeriod()
    {
        Unhealthy("Target.Timeout", "Request timed out");
        Replace(_world.Services, s => s with
        {
            HealthCheckGracePeriodSeconds = 0,
            Events = [new EcsServiceEvent("e2", DateTimeOffset.UtcNow.AddMinutes(-2), $"(service web) (task 0123456789abcdef0123456789abcdef) failed ELB health checks in (target-group {TargetGroupArn})")],
        });

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, TargetsUnhealthyPlaybook.GracePeriodSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("--health-check-grace-period-seconds 210", verdict.Fix[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TaskWithoutServiceGroup_IsInconclusiveAskingForTheService()
    {
        var task = new EcsTask { TaskArn = "arn:aws:ecs:eu-west-1:111122223333:task/prod/0123456789abcdef0123456789abcdef", ClusterArn = ClusterArn, TaskDefinitionArn = TaskDefinitionArn, Group = "family:web" };
        EcsTaskRef.TryParse(task.TaskArn, out var reference);
        var context = new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), _world, TimeProvider.System) { Task = task };

        var verdict = await new TargetsUnhealthyPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Empty(_world.Calls);
    }

    private void Unhealthy(string reason, string description) =>
        _world.Health[TargetGroupArn] = [Target("10.0.1.10", "unhealthy", reason, description), Target("10.0.2.20", "unhealthy", reason, description)];

    private Task<Verdict> InvestigateAsync() => new TargetsUnhealthyPlaybook().InvestigateAsync(ServiceContext(_world), CancellationToken.None);
}
