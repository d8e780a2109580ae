using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Aws.Resilience;

/// <summary>Retries on throttling and 5xx only, and a circuit per service and region.</summary>
public sealed class AwsResilienceTests : IAsyncLifetime
{
    private const string TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/4f1b9b2a6f2e4c0c9d7a1b2c3d4e5f60";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeTask_ThrottledTwiceThenAnswered_IsFoundAfterThreeRequests()
    {
        var answered = 0;
        _server.Reply = _ => ++answered <= 2
            ? FakeReply.Error(400, "ThrottlingException", "Rate exceeded")
            : FakeReply.Json(200, Fixture.Read("ecs-describe-tasks.json"));

        var result = await CreateSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);

        Assert.True(result.HasValue);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task DescribeTask_ServerErrorsPersist_ServiceErrorAfterMaxRetries()
    {
        _server.Reply = _ => FakeReply.Error(503, "ServiceUnavailableException", "down");

        var result = await CreateSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);

        Assert.Equal(GapReason.ServiceError, result.Gap!.Reason);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Theory]
    [InlineData("AccessDeniedException")]
    [InlineData("ClusterNotFoundException")]
    [InlineData("InvalidParameterException")]
    public async Task DescribeTask_ClientError_IsNotRetried(string type)
    {
        _server.Reply = _ => FakeReply.Error(400, type, "no");

        await CreateSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task DescribeTask_ServiceKeepsFailing_CircuitOpensAndLaterCallsAreNotSent()
    {
        _server.Reply = _ => FakeReply.Error(500, "ServerException", "boom");
        var factory = CreateFactory(("DiagBot:Aws:Resilience:MaxRetries", "0"), ("DiagBot:Aws:Resilience:BreakerMinimumThroughput", "2"));

        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);
        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);
        var third = await factory.StartSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(GapReason.ServiceError, third.Gap!.Reason);
        Assert.Contains("circuit open", third.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTask_CircuitOpenForEcs_LogsInSameRegionStillCalled()
    {
        _server.Reply = r => r.Target!.StartsWith("Logs_", StringComparison.Ordinal)
            ? FakeReply.Json(200, """{"events":[]}""")
            : FakeReply.Error(500, "ServerException", "boom");
        var factory = CreateFactory(("DiagBot:Aws:Resilience:MaxRetries", "0"), ("DiagBot:Aws:Resilience:BreakerMinimumThroughput", "2"));
        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);
        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(), CancellationToken.None);

        var logs = await factory.StartSession().Logs.GetLastEventsAsync(new Diagnostics.Logs.LogGroupRef("/ecs/api"), "s", 10, CancellationToken.None);

        Assert.True(logs.HasValue);
    }

    private IEvidenceSource CreateSession() => CreateFactory().StartSession();

    private IEvidenceSessionFactory CreateFactory(params (string Key, string? Value)[] extra) =>
        EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress, extra)).GetRequiredService<IEvidenceSessionFactory>();

    private static EcsTaskRef Ref() => EcsTaskRef.TryParse(TaskArn, out var task) ? task : throw new InvalidOperationException();
}
