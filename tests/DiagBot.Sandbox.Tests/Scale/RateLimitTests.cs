using System.Net;
using DiagBot.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Sandbox.Tests.Scale;

/// <summary>With rates enforced, the sandbox answers past AWS's documented token buckets as AWS does; counted on a fake clock.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string LookupEvents = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SandboxServer _server = null!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { EnforceRateLimits = true, TimeProvider = _clock });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task LookupEvents_ThreeInOneInstant_TheThirdIsThrottledUntilATokenIsBack()
    {
        var client = new AwsTestClient(_server);

        var answers = new List<AwsReply>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.JsonAsync("cloudtrail", LookupEvents, new { }));
        }

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var later = await client.JsonAsync("cloudtrail", LookupEvents, new { });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest], answers.Select(a => a.Status));
        Assert.Equal("ThrottlingException", answers[2].ErrorType);
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Equal(1, _server.Throttled);
    }

    [Fact]
    public async Task DescribeTargetGroups_PastTheBurstOf40_AnswersQueryThrottling()
    {
        var client = new AwsTestClient(_server);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 41; i++)
        {
            codes.Add((await client.QueryAsync("elasticloadbalancing", AwsForms.Action("DescribeLoadBalancers", "2015-12-01"))).Status);
        }

        Assert.Equal(40, codes.Count(c => c == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.BadRequest, codes[40]);
    }

    [Fact]
    public async Task DescribeSubnets_Ec2_AnswersRequestLimitExceeded()
    {
        var client = new AwsTestClient(_server);

        AwsReply last = null!;
        for (var i = 0; i < 101; i++)
        {
            last = await client.QueryAsync("ec2", AwsForms.Action("DescribeSubnets", "2016-11-15"));
        }

        Assert.Equal("RequestLimitExceeded", last.Value("Code"));
    }
}
