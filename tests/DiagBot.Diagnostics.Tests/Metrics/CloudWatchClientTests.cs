using System.Text.Json;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Metrics;

/// <summary>The CloudWatch client against a loopback server answering documented awsJson 1.0 bodies.</summary>
public sealed class CloudWatchClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000);
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetMetricData_TwoQueries_SendsOneJson10CallAndReturnsPointsOldestFirst()
    {
        _server.Reply = _ => FakeReply.Json(200, """
            {"MetricDataResults":[
              {"Id":"p99","Label":"TargetResponseTime","Timestamps":[1764000120,1764000060],"Values":[60.0,59.5],"StatusCode":"Complete"},
              {"Id":"p50","Label":"TargetResponseTime","Timestamps":[],"Values":[],"StatusCode":"Complete"}],"Messages":[]}
            """);

        var result = await CreateSut().GetMetricDataAsync(Request("p99", "p50"), CancellationToken.None);

        var p99 = result.Value![0];
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2)], p99.Points.Select(p => p.At));
        Assert.Equal([59.5, 60.0], p99.Points.Select(p => p.Value));
        Assert.True(p99.Complete);
        Assert.Empty(result.Value[1].Points);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GraniteServiceVersion20100801.GetMetricData", request.Target);
        Assert.StartsWith("application/x-amz-json-1.0", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/monitoring/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(1_764_000_000, body.RootElement.GetProperty("StartTime").GetDouble());
        Assert.Equal("TimestampAscending", body.RootElement.GetProperty("ScanBy").GetString());
        var first = body.RootElement.GetProperty("MetricDataQueries")[0].GetProperty("MetricStat");
        Assert.Equal("p99", first.GetProperty("Stat").GetString());
        Assert.Equal(300, first.GetProperty("Period").GetInt32());
        Assert.Equal("LoadBalancer", first.GetProperty("Metric").GetProperty("Dimensions")[0].GetProperty("Name").GetString());
    }

    [Fact]
    public async Task GetMetricData_NextToken_FollowsItAndJoinsThePages()
    {
        _server.Reply = r => FakeReply.Json(200, r.Body.Contains("\"NextToken\":\"page-2\"", StringComparison.Ordinal)
            ? """{"MetricDataResults":[{"Id":"p99","Timestamps":[1764000120],"Values":[2],"StatusCode":"Complete"}]}"""
            : """{"MetricDataResults":[{"Id":"p99","Timestamps":[1764000060],"Values":[1],"StatusCode":"PartialData"}],"NextToken":"page-2"}""");

        var result = await CreateSut().GetMetricDataAsync(Request("p99"), CancellationToken.None);

        Assert.Equal([1.0, 2.0], result.Value![0].Points.Select(p => p.Value));
        Assert.True(result.Value[0].Complete);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GetMetricData_AccessDenied_IsAGapNamingTheOperation()
    {
        _server.Reply = _ => FakeReply.Error(400, "com.amazonaws.cloudwatch#AccessDeniedException",
            "User: arn:aws:sts::111122223333:assumed-role/diagbot/x is not authorized to perform: cloudwatch:GetMetricData");

        var result = await CreateSut().GetMetricDataAsync(Request("p99"), CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Equal(("monitoring", "GetMetricData"), (result.Gap.Source, result.Gap.Operation));
    }

    [Fact]
    public async Task GetMetricData_NoQueries_IsAnInvalidRequestGapWithoutACall()
    {
        var result = await CreateSut().GetMetricDataAsync(new MetricRequest([], Start, Start.AddHours(1)), CancellationToken.None);

        Assert.Equal(GapReason.InvalidRequest, result.Gap!.Reason);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task GetMetricData_SameRequestTwiceInOneSession_CallsOnce()
    {
        _server.Reply = _ => FakeReply.Json(200, """{"MetricDataResults":[]}""");
        var sut = CreateSut();

        await sut.GetMetricDataAsync(Request("p99"), CancellationToken.None);
        await sut.GetMetricDataAsync(Request("p99"), CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    private static MetricRequest Request(params string[] stats) => new(
        [.. stats.Select(s => new MetricQuery(s, "AWS/ApplicationELB", "TargetResponseTime", [new MetricDimension("LoadBalancer", "app/prod-internal/f68a9e3e6c22593d")], 300, s))],
        Start, Start.AddHours(1), "eu-west-1");

    private IMetricsEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Metrics;
    }
}
