using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The reads behind the target-group and deployment subjects, through the live clients against the sandbox.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxSubjectLookupTests(SharedSandbox shared)
{
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task DescribeAllServices_Account_FindsEveryClusterAndTheServiceOfEachTargetGroup()
    {
        var result = await SandboxSession.Start(_sandbox).Ecs.DescribeAllServicesAsync(AwsScope.Default, CancellationToken.None);

        var search = Assert.IsType<EcsServiceSearch>(result.Value);
        Assert.True(search.Complete);
        Assert.Equal(_sandbox.Clusters.Count, search.ClusterArns.Count);
        var storefront = Assert.Single(search.Services, s => s.ServiceName == "storefront");
        Assert.Contains("targetgroup/storefront-tg/", storefront.LoadBalancers[0].TargetGroupArn, StringComparison.Ordinal);
        Assert.Contains(search.Services, s => s.Deployments.Any(d => d.Id == "ecs-svc/4719302846651023981"));
        Assert.Equal(search.Services.Count, search.Services.Select(s => s.ServiceArn).Distinct().Count());
    }

    [Fact]
    public async Task DescribeAllServices_ListServicesDenied_IsAGapNamingTheAction()
    {
        _sandbox.Faults.Set("ecs", "ListServices", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });

        var result = await SandboxSession.Start(_sandbox).Ecs.DescribeAllServicesAsync(AwsScope.Default, CancellationToken.None);

        var search = Assert.IsType<EcsServiceSearch>(result.Value);
        Assert.False(search.Complete);
        Assert.Empty(search.Services);
        Assert.All(search.Gaps, gap => Assert.Equal(GapReason.AccessDenied, gap.Reason));
        Assert.Contains("ecs:ListServices", search.Gaps[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTargetGroupsByName_KnownAndUnknown_FindsOneOrNotFound()
    {
        var loadBalancing = SandboxSession.Start(_sandbox).LoadBalancing;

        var found = await loadBalancing.DescribeTargetGroupsByNameAsync("catalog-api-tg", AwsScope.Default, CancellationToken.None);
        var missing = await loadBalancing.DescribeTargetGroupsByNameAsync("no-such-tg", AwsScope.Default, CancellationToken.None);

        Assert.Equal("catalog-api-tg", Assert.Single(found.Value!).TargetGroupName);
        Assert.Equal(GapReason.NotFound, missing.Gap!.Reason);
    }

    [Fact]
    public async Task GetDeployment_StalledRollout_ReadsSelectorReplicasAndProgressDeadline()
    {
        var settings = EvidenceHarness.Settings(_sandbox.BaseAddress, ("DiagBot:Kubernetes:Clusters:0:Name", "sandbox-eks"), ("DiagBot:Kubernetes:Clusters:0:Server", _sandbox.BaseAddress.ToString()));
        var kubernetes = EvidenceHarness.Build(settings).GetRequiredService<IEvidenceSessionFactory>().StartSession().Kubernetes;

        var result = await kubernetes.GetDeploymentAsync("sandbox-eks", "payments", "ledger-api", CancellationToken.None);
        var missing = await kubernetes.GetDeploymentAsync("sandbox-eks", "payments", "nothing-here", CancellationToken.None);

        var deployment = Assert.IsType<KubeDeployment>(result.Value);
        Assert.Equal("ledger-api", deployment.MatchLabels["app"]);
        Assert.Equal((1, 0), (deployment.DesiredReplicas, deployment.AvailableReplicas));
        Assert.Contains(deployment.Conditions, c => c is { Type: "Progressing", Status: "False", Reason: "ProgressDeadlineExceeded" });
        Assert.Equal(GapReason.NotFound, missing.Gap!.Reason);
    }

    [Fact]
    public async Task GetDeployment_SelectorWithMatchExpressions_ReadsThemAndBuildsTheQuery()
    {
        var settings = EvidenceHarness.Settings(_sandbox.BaseAddress, ("DiagBot:Kubernetes:Clusters:0:Name", "sandbox-eks"), ("DiagBot:Kubernetes:Clusters:0:Server", _sandbox.BaseAddress.ToString()));
        var kubernetes = EvidenceHarness.Build(settings).GetRequiredService<IEvidenceSessionFactory>().StartSession().Kubernetes;

        var deployment = Assert.IsType<KubeDeployment>((await kubernetes.GetDeploymentAsync("sandbox-eks", "shop", "search-api", CancellationToken.None)).Value);

        Assert.Empty(deployment.MatchLabels);
        Assert.Equal([("app", "In", "search-api"), ("track", "NotIn", "canary")], deployment.MatchExpressions.Select(e => (e.Key, e.Operator, string.Join(",", e.Values))));
        Assert.Equal("app in (search-api),track notin (canary)", LabelSelectorQuery.From(deployment.MatchLabels, deployment.MatchExpressions).Text);
    }
}
