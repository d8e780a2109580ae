using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.LoadBalancing;

/// <summary>The ELBv2 client against a loopback server answering documented XML.</summary>
public sealed class LoadBalancingClientTests : IAsyncLifetime
{
    private const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188";
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/73e2d6bc24d8a067";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeTargetGroupsOfLoadBalancer_TwoPages_SendsSignedQueryFormAndFollowsMarker()
    {
        _server.Reply = r => FakeReply.Xml(200, Fixture.Read(r.Form.ContainsKey("Marker") ? "elb-describe-target-groups-page2.xml" : "elb-describe-target-groups-page1.xml"));

        var result = await CreateSut().DescribeTargetGroupsOfLoadBalancerAsync(LoadBalancerArn, CancellationToken.None);

        Assert.Equal(["api", "admin"], result.Value!.Select(g => g.TargetGroupName));
        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", requests[0].Headers["Content-Type"]);
        Assert.Contains("/us-east-1/elasticloadbalancing/aws4_request", requests[0].Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("DescribeTargetGroups", requests[0].Form["Action"]);
        Assert.Equal("2015-12-01", requests[0].Form["Version"]);
        Assert.Equal(LoadBalancerArn, requests[0].Form["LoadBalancerArn"]);
        Assert.Equal("page-2", requests[1].Form["Marker"]);
    }

    [Fact]
    public async Task DescribeTargetGroups_DocumentedResponse_ReadsHealthCheckAndTargetType()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("elb-describe-target-groups-page2.xml"));

        var result = await CreateSut().DescribeTargetGroupsAsync([TargetGroupArn, "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/b/1"], CancellationToken.None);

        var group = Assert.Single(result.Value!);
        Assert.Equal("ip", group.TargetType);
        Assert.Equal("200-299", group.MatcherHttpCode);
        Assert.Equal(8080, group.Port);
        var form = Assert.Single(_server.Requests).Form;
        Assert.Equal(TargetGroupArn, form["TargetGroupArns.member.1"]);
        Assert.StartsWith("arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/b/", form["TargetGroupArns.member.2"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTargetHealth_DocumentedResponse_ReadsStateAndReason()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("elb-describe-target-health.xml"));

        var result = await CreateSut().DescribeTargetHealthAsync(TargetGroupArn, CancellationToken.None);

        Assert.Equal(2, result.Value!.Count);
        var unhealthy = result.Value[0];
        Assert.Equal(("10.0.1.23", 80, "unhealthy", "Target.ResponseCodeMismatch"), (unhealthy.TargetId, unhealthy.Port, unhealthy.State, unhealthy.Reason));
        Assert.Equal("healthy", result.Value[1].State);
    }

    [Fact]
    public async Task DescribeLoadBalancers_DocumentedResponse_ReadsZonesAndSecurityGroups()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("elb-describe-load-balancers.xml"));

        var result = await CreateSut().DescribeLoadBalancersAsync([LoadBalancerArn], CancellationToken.None);

        var balancer = Assert.Single(result.Value!);
        Assert.Equal("application", balancer.Type);
        Assert.Equal("active", balancer.StateCode);
        Assert.Equal(["sg-5943793c"], balancer.SecurityGroups);
        Assert.Equal(2, balancer.AvailabilityZones.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 25, 21, 26, 12, 920, TimeSpan.Zero), balancer.CreatedTime);
    }

    [Fact]
    public async Task DescribeLoadBalancerAttributes_DocumentedResponse_ReadsIdleTimeout()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("elb-describe-load-balancer-attributes.xml"));

        var result = await CreateSut().DescribeLoadBalancerAttributesAsync(LoadBalancerArn, CancellationToken.None);

        Assert.Equal("60", result.Value!["idle_timeout.timeout_seconds"]);
    }

    [Fact]
    public async Task DescribeTags_DocumentedResponse_SendsOneResourceArnAndReadsTheControllersTags()
    {
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("elb-describe-tags.xml"));

        var tags = (await CreateSut().DescribeTagsAsync(TargetGroupArn, CancellationToken.None)).Value!;

        Assert.Equal(("prod-eks", "shop/web", "shop/web-api:80"),
            (tags["elbv2.k8s.aws/cluster"], tags["ingress.k8s.aws/stack"], tags["ingress.k8s.aws/resource"]));
        var form = Assert.Single(_server.Requests).Form;
        Assert.Equal(("DescribeTags", "2015-12-01", TargetGroupArn), (form["Action"], form["Version"], form["ResourceArns.member.1"]));
    }

    [Fact]
    public async Task DescribeTags_AccessDenied_IsGapNamingTheAction()
    {
        _server.Reply = _ => FakeReply.QueryError(403, "AccessDenied", "said by the fake");

        var result = await CreateSut().DescribeTagsAsync(TargetGroupArn, CancellationToken.None);

        Assert.Equal((GapReason.AccessDenied, "DescribeTags"), (result.Gap!.Reason, result.Gap.Operation));
        Assert.StartsWith("elasticloadbalancing:DescribeTags denied", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeListeners_TwoPages_FollowsMarkerAndReadsRedirectAndWeightedForward()
    {
        _server.Reply = r => FakeReply.Xml(200, Fixture.Read(r.Form.ContainsKey("Marker") ? "elb-describe-listeners-page2.xml" : "elb-describe-listeners-page1.xml"));

        var listeners = (await CreateSut().DescribeListenersAsync(LoadBalancerArn, CancellationToken.None)).Value!;

        Assert.Equal([80, 443], listeners.Select(l => l.Port));
        Assert.Equal("redirect", Assert.Single(listeners[0].DefaultActions).Type);
        Assert.Empty(listeners[0].DefaultActions[0].ForwardedTargetGroupArns);
        var forward = Assert.Single(listeners[1].DefaultActions);
        Assert.Equal([100, 0], forward.TargetGroups.Select(g => g.Weight));
        Assert.Equal([TargetGroupArn], forward.ForwardedTargetGroupArns);
        var requests = _server.Requests.ToList();
        Assert.Equal(("DescribeListeners", "2015-12-01", LoadBalancerArn), (requests[0].Form["Action"], requests[0].Form["Version"], requests[0].Form["LoadBalancerArn"]));
        Assert.Equal("page-2", requests[1].Form["Marker"]);
    }

    [Fact]
    public async Task DescribeRules_DocumentedResponse_ReadsPrioritiesConditionsAndActions()
    {
        const string ListenerArn = "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2";
        _server.Reply = _ => FakeReply.Xml(200, Fixture.Read("elb-describe-rules.xml"));

        var rules = (await CreateSut().DescribeRulesAsync(ListenerArn, CancellationToken.None)).Value!;

        Assert.Equal(["10", "20", "default"], rules.Select(r => r.Priority));
        Assert.Equal(["path-pattern /img/*", "path-pattern /maintenance", "default"], rules.Select(r => r.Describe()));
        Assert.True(rules[2].IsDefault);
        Assert.EndsWith("targetgroup/my-targets/73e2d6bc24d8a067", Assert.Single(rules[0].Actions[0].ForwardedTargetGroupArns), StringComparison.Ordinal);
        Assert.Equal("503", rules[1].Actions[0].FixedResponseStatusCode);
        var form = Assert.Single(_server.Requests).Form;
        Assert.Equal(("DescribeRules", ListenerArn), (form["Action"], form["ListenerArn"]));
        Assert.Contains("/us-west-2/elasticloadbalancing/aws4_request", Assert.Single(_server.Requests).Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeRules_ListenerNotFound_IsNotFoundGap()
    {
        _server.Reply = _ => FakeReply.QueryError(400, "ListenerNotFound", "One or more listeners not found");

        var result = await CreateSut().DescribeRulesAsync("arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web/50dc6c495c0c9188/ffffffffffffffff", CancellationToken.None);

        Assert.Equal((GapReason.NotFound, "DescribeRules"), (result.Gap!.Reason, result.Gap.Operation));
    }

    [Theory]
    [InlineData(400, "TargetGroupNotFound", GapReason.NotFound)]
    [InlineData(403, "AccessDenied", GapReason.AccessDenied)]
    [InlineData(400, "Throttling", GapReason.Throttled)]
    [InlineData(500, "InternalFailure", GapReason.ServiceError)]
    public async Task DescribeTargetHealth_QueryError_IsGap(int status, string code, GapReason expected)
    {
        _server.Reply = _ => FakeReply.QueryError(status, code, "said by the fake");

        var result = await CreateSut().DescribeTargetHealthAsync(TargetGroupArn, CancellationToken.None);

        Assert.Equal(expected, result.Gap!.Reason);
        Assert.Equal(("elasticloadbalancing", "DescribeTargetHealth"), (result.Gap.Source, result.Gap.Operation));
        if (expected == GapReason.AccessDenied)
        {
            Assert.StartsWith("elasticloadbalancing:DescribeTargetHealth denied", result.Gap.Detail, StringComparison.Ordinal);
        }
    }

    private ILoadBalancingEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().LoadBalancing;
    }
}
