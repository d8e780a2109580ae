using DiagBot.Diagnostics.Evidence;
using DiagBot.Sandbox;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The ECS service to ELBv2 walk a 503, unhealthy-target or 504 diagnosis makes, against the sandbox.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxLoadBalancingTests(SharedSandbox shared)
{
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task TargetGroupOfAlb503Service_IsInstanceTypeWithNoTargets()
    {
        var (evidence, targetGroupArn) = await TargetGroupOfAsync("p05-alb-503");

        var group = Assert.Single((await evidence.LoadBalancing.DescribeTargetGroupsAsync([targetGroupArn], CancellationToken.None)).Value!);
        var health = await evidence.LoadBalancing.DescribeTargetHealthAsync(targetGroupArn, CancellationToken.None);

        Assert.Equal("instance", group.TargetType);
        Assert.DoesNotContain(health.Value!, t => t.State == "healthy");
    }

    [Fact]
    public async Task TargetHealthOfUnhealthyScenario_ReadsTimeoutReason()
    {
        var (evidence, targetGroupArn) = await TargetGroupOfAsync("p06-targets-unhealthy");

        var health = await evidence.LoadBalancing.DescribeTargetHealthAsync(targetGroupArn, CancellationToken.None);

        Assert.NotEmpty(health.Value!);
        Assert.All(health.Value!, t => Assert.Equal(("unhealthy", "Target.Timeout"), (t.State, t.Reason)));
    }

    [Fact]
    public async Task LoadBalancerOf504Scenario_IdleTimeoutAttributeIs60()
    {
        var (evidence, targetGroupArn) = await TargetGroupOfAsync("p13-alb-504");
        var group = Assert.Single((await evidence.LoadBalancing.DescribeTargetGroupsAsync([targetGroupArn], CancellationToken.None)).Value!);
        var balancerArn = Assert.Single(group.LoadBalancerArns);

        var balancers = await evidence.LoadBalancing.DescribeLoadBalancersAsync([balancerArn], CancellationToken.None);
        var attributes = await evidence.LoadBalancing.DescribeLoadBalancerAttributesAsync(balancerArn, CancellationToken.None);

        Assert.Equal("application", Assert.Single(balancers.Value!).Type);
        Assert.Equal("60", attributes.Value!["idle_timeout.timeout_seconds"]);
    }

    [Fact]
    public async Task DescribeTargetHealth_SandboxThrottlesTwice_RetriedThenAnswered()
    {
        var (evidence, targetGroupArn) = await TargetGroupOfAsync("p06-targets-unhealthy");
        _sandbox.Faults.Set("elasticloadbalancing", "DescribeTargetHealth", new SandboxFault { Kind = SandboxFaultKind.Throttling, Times = 2 });

        var health = await evidence.LoadBalancing.DescribeTargetHealthAsync(targetGroupArn, CancellationToken.None);

        Assert.True(health.HasValue);
    }

    [Fact]
    public async Task DescribeTargetGroups_SandboxDenies_GapNamesTheAction()
    {
        var (evidence, targetGroupArn) = await TargetGroupOfAsync("p05-alb-503");
        _sandbox.Faults.Set("elasticloadbalancing", "DescribeTargetGroups", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });

        var result = await evidence.LoadBalancing.DescribeTargetGroupsAsync([targetGroupArn], CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Contains("elasticloadbalancing:DescribeTargetGroups", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTags_GroupTheControllerMade_ReadsItsTrackingTags_AndAnEcsGroupNone()
    {
        var (evidence, ecsGroupArn) = await TargetGroupOfAsync("p06-targets-unhealthy");
        var eksGroup = Assert.Single((await evidence.LoadBalancing.DescribeTargetGroupsByNameAsync(
            "k8s-checkout-checkout-6f2a9d41c7", Diagnostics.Aws.AwsScope.Default, CancellationToken.None)).Value!);

        var eksTags = await evidence.LoadBalancing.DescribeTagsAsync(eksGroup.TargetGroupArn, CancellationToken.None);
        var ecsTags = await evidence.LoadBalancing.DescribeTagsAsync(ecsGroupArn, CancellationToken.None);

        Assert.Equal("prod-eks", eksTags.Value!["elbv2.k8s.aws/cluster"]);
        Assert.Equal("checkout/checkout-web", eksTags.Value["ingress.k8s.aws/stack"]);
        Assert.Equal("checkout/checkout-web-checkout-web:80", eksTags.Value["ingress.k8s.aws/resource"]);
        Assert.Empty(ecsTags.Value!);
    }

    private async Task<(IEvidenceSource Evidence, string TargetGroupArn)> TargetGroupOfAsync(string scenario)
    {
        var evidence = SandboxSession.Start(_sandbox);
        var (service, cluster) = _sandbox.ServiceSubject(scenario);
        var described = await evidence.Ecs.DescribeServiceAsync(cluster, service, CancellationToken.None);
        return (evidence, Assert.Single(described.Value!.LoadBalancers).TargetGroupArn!);
    }
}
