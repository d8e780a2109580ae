using System.Net;
using System.Net.Sockets;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Ecs;

/// <summary>Every way a call can fail comes back as a gap, never as an exception.</summary>
public sealed class EcsClientFailureTests : IAsyncLifetime
{
    private const string TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/4f1b9b2a6f2e4c0c9d7a1b2c3d4e5f60";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(400, "AccessDeniedException", GapReason.AccessDenied)]
    [InlineData(400, "UnrecognizedClientException", GapReason.AccessDenied)]
    [InlineData(403, "InvalidSignatureException", GapReason.AccessDenied)]
    [InlineData(400, "ThrottlingException", GapReason.Throttled)]
    [InlineData(500, "ServerException", GapReason.ServiceError)]
    [InlineData(400, "ClusterNotFoundException", GapReason.NotFound)]
    public async Task DescribeTask_AwsError_IsGap(int status, string type, GapReason expected)
    {
        _server.Reply = _ => FakeReply.Error(status, type, "said by the fake");

        var result = await CreateSut().DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.False(result.HasValue);
        Assert.Equal(expected, result.Gap!.Reason);
        Assert.Equal("ecs", result.Gap.Source);
        Assert.Equal("DescribeTasks", result.Gap.Operation);
    }

    [Fact]
    public async Task DescribeTask_AccessDenied_NamesTheAction()
    {
        _server.Reply = _ => FakeReply.Error(400, "AccessDeniedException", "User is not authorized to perform: ecs:DescribeTasks");

        var result = await CreateSut().DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.StartsWith("ecs:DescribeTasks denied", result.Gap!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTaskDefinition_UnknownDefinition_IsNotFound()
    {
        _server.Reply = _ => FakeReply.Error(400, "ClientException", "Unable to describe task definition.");

        var result = await CreateSut().DescribeTaskDefinitionAsync("arn:aws:ecs:us-east-1:111122223333:task-definition/nope:1", CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
    }

    [Fact]
    public async Task DescribeTask_ServerHangs_TimedOutAfterCallTimeout()
    {
        _server.Reply = _ => FakeReply.Hanging();
        var clock = EvidenceHarness.Clock();
        var ecs = CreateSut(clock, ("DiagBot:Aws:CallTimeout", "00:00:03"));

        var call = ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);
        await _server.RequestSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(3));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GapReason.TimedOut, result.Gap!.Reason);
        Assert.Contains("CallTimeout", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTask_BudgetSpent_LaterCallsAreBudgetExhausted()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-tasks.json"));
        var clock = EvidenceHarness.Clock();
        var ecs = CreateSut(clock, ("DiagBot:Aws:CallTimeout", "00:00:03"), ("DiagBot:Aws:DiagnosisBudget", "00:00:10"));

        clock.Advance(TimeSpan.FromSeconds(11));
        var result = await ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.Equal(GapReason.BudgetExhausted, result.Gap!.Reason);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DescribeTask_NothingListening_IsUnreachable()
    {
        var closedPort = ClosedLoopbackPort();
        using var services = EvidenceHarness.Build(EvidenceHarness.Settings(new Uri($"http://127.0.0.1:{closedPort}/")));
        var ecs = services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;

        var result = await ecs.DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.Equal(GapReason.Unreachable, result.Gap!.Reason);
    }

    [Fact]
    public async Task DescribeTask_UnreadableBody_IsServiceError()
    {
        _server.Reply = _ => FakeReply.Json(200, "<html>not json</html>");

        var result = await CreateSut().DescribeTaskAsync(Ref(TaskArn), CancellationToken.None);

        Assert.Equal(GapReason.ServiceError, result.Gap!.Reason);
    }

    [Fact]
    public async Task DescribeTask_CallerCancels_IsGapNotException()
    {
        _server.Reply = _ => FakeReply.Hanging();
        using var cancel = new CancellationTokenSource();
        var call = CreateSut().DescribeTaskAsync(Ref(TaskArn), cancel.Token);
        await _server.RequestSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cancel.CancelAsync();
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GapReason.TimedOut, result.Gap!.Reason);
    }

    private IEcsEvidence CreateSut(TimeProvider? time = null, params (string Key, string? Value)[] extra)
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress, extra), time);
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static EcsTaskRef Ref(string text) => EcsTaskRef.TryParse(text, out var task) ? task : throw new ArgumentException(text);
}
