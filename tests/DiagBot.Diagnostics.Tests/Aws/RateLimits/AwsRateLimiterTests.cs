using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Aws.RateLimits;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Diagnostics.Tests.Aws.RateLimits;

/// <summary>One queue per documented bucket, account and region; counted against a fake clock, never slept.</summary>
public sealed class AwsRateLimiterTests
{
    private static readonly AwsOperation LookupEvents = new(AwsService.CloudTrail, "LookupEvents", "cloudtrail:LookupEvents");
    private static readonly AwsOperation DescribeTasks = new(AwsService.Ecs, "DescribeTasks", "ecs:DescribeTasks");
    private static readonly AwsOperation ListTasks = new(AwsService.Ecs, "ListTasks", "ecs:ListTasks");
    private static readonly AwsOperation ListPods = new(AwsService.Kubernetes, "list pods", "RBAC 'list pods'");
    private static readonly AwsTarget AccountA = new("111122223333", "us-east-1");
    private static readonly AwsTarget AccountB = new("444455556666", "us-east-1");

    private readonly FakeTimeProvider _clock = EvidenceHarness.Clock();

    [Fact]
    public async Task WaitAsync_ThreeLookupsAtOnce_TwoGoAndTheThirdQueuesForItsToken()
    {
        var sut = CreateSut();

        var calls = Enumerable.Range(0, 3).Select(_ => sut.WaitAsync(LookupEvents, AccountA, CancellationToken.None).AsTask()).ToList();

        Assert.Equal(2, calls.Count(c => c.IsCompleted));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, calls.Count(c => c.IsCompleted));

        // 2 a second, refilled at 90 %: the third token exists after 1 / 1.8 s.
        _clock.Advance(TimeSpan.FromMilliseconds(60));
        await Task.WhenAll(calls);
        Assert.Equal(1, sut.Waited);
    }

    [Fact]
    public void WaitAsync_AnotherAccount_HasItsOwnBucket()
    {
        var sut = CreateSut();
        _ = sut.WaitAsync(LookupEvents, AccountA, CancellationToken.None);
        _ = sut.WaitAsync(LookupEvents, AccountA, CancellationToken.None);

        var other = sut.WaitAsync(LookupEvents, AccountB, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitAsync_EcsCategory_DescribeTasksAndListTasksDrawOnOneBucket()
    {
        var sut = CreateSut();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(sut.WaitAsync(i % 2 == 0 ? DescribeTasks : ListTasks, AccountA, CancellationToken.None).IsCompletedSuccessfully);
        }

        // "Cluster resource read actions": a burst of 100 shared by both, so the 101st call of either waits.
        Assert.False(sut.WaitAsync(ListTasks, AccountA, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void WaitAsync_Kubernetes_IsNotAnAwsRateAndNeverWaits()
    {
        var sut = CreateSut();

        Assert.All(Enumerable.Range(0, 500), _ => Assert.True(sut.WaitAsync(ListPods, AccountA, CancellationToken.None).IsCompletedSuccessfully));
    }

    [Fact]
    public async Task WaitAsync_CallerGivesUp_ItsTokenGoesToTheNextCaller()
    {
        var sut = CreateSut();
        _ = sut.WaitAsync(LookupEvents, AccountA, CancellationToken.None);
        _ = sut.WaitAsync(LookupEvents, AccountA, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var abandoned = sut.WaitAsync(LookupEvents, AccountA, giveUp.Token).AsTask();

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var next = sut.WaitAsync(LookupEvents, AccountA, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(560));

        await next;
    }

    [Theory]
    [InlineData("ecs", "DescribeTaskDefinition", 50, 20)]
    [InlineData("ecs", "DescribeServices", 100, 20)]
    [InlineData("elasticloadbalancing", "DescribeTargetHealth", 40, 10)]
    [InlineData("ec2", "DescribeNetworkInterfaces", 100, 20)]
    [InlineData("logs", "FilterLogEvents", 5, 5)]
    [InlineData("logs", "GetLogEvents", 25, 25)]
    [InlineData("cloudtrail", "LookupEvents", 2, 2)]
    [InlineData("sts", "AssumeRole", 600, 600)]
    [InlineData("monitoring", "GetMetricData", 50, 50)]
    public void For_DocumentedOperation_IsAwsBurstAndRate(string service, string operation, int burst, double perSecond)
    {
        var rate = AwsRateTable.For(service, operation)!;

        Assert.Equal((burst, perSecond), (rate.Burst, rate.PerSecond));
    }

    private AwsRateLimiter CreateSut() => new(_clock);
}
