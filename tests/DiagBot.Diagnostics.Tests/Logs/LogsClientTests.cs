using System.Text.Json;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Logs;

/// <summary>The CloudWatch Logs client against a loopback server answering documented bodies.</summary>
public sealed class LogsClientTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetLastEvents_AsksForTheTailOfTheStream()
    {
        _server.Reply = _ => FakeReply.Json(200, """
            {"events":[{"timestamp":1764140090000,"message":"java.lang.OutOfMemoryError: Java heap space","ingestionTime":1764140091000}],
             "nextForwardToken":"f/1","nextBackwardToken":"b/1"}
            """);

        var result = await CreateSut().GetLastEventsAsync(new LogGroupRef("/ecs/api", "eu-west-1"), "api/api/4f1b", 50, CancellationToken.None);

        var logEvent = Assert.Single(result.Value!);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764140090000), logEvent.Timestamp);
        Assert.Contains("OutOfMemoryError", logEvent.Message, StringComparison.Ordinal);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("Logs_20140328.GetLogEvents", request.Target);
        Assert.Contains("/eu-west-1/logs/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("/ecs/api", body.RootElement.GetProperty("logGroupName").GetString());
        Assert.Equal("api/api/4f1b", body.RootElement.GetProperty("logStreamName").GetString());
        Assert.Equal(50, body.RootElement.GetProperty("limit").GetInt32());
        Assert.False(body.RootElement.GetProperty("startFromHead").GetBoolean());
    }

    [Fact]
    public async Task FilterEvents_TwoPages_FollowsNextTokenAndSendsMilliseconds()
    {
        _server.Reply = r => FakeReply.Json(200, r.Body.Contains("\"nextToken\"", StringComparison.Ordinal)
            ? """{"events":[{"logStreamName":"s2","timestamp":2000,"message":"second","eventId":"2"}]}"""
            : """{"events":[{"logStreamName":"s1","timestamp":1000,"message":"first","eventId":"1"}],"nextToken":"page-2"}""");
        var filter = new LogFilter
        {
            Group = new LogGroupRef("/ecs/api"),
            FilterPattern = "?AccessDenied",
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000),
        };

        var result = await CreateSut().FilterEventsAsync(filter, CancellationToken.None);

        var events = result.Value!;
        Assert.Equal(["first", "second"], events.Select(e => e.Message));
        Assert.Equal("s2", events[1].LogStreamName);
        var requests = _server.Requests.ToList();
        Assert.Equal("Logs_20140328.FilterLogEvents", requests[0].Target);
        using var first = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(1_700_000_000_000, first.RootElement.GetProperty("startTime").GetInt64());
        Assert.Equal("?AccessDenied", first.RootElement.GetProperty("filterPattern").GetString());
        using var second = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("page-2", second.RootElement.GetProperty("nextToken").GetString());
    }

    [Fact]
    public async Task FilterEvents_LimitReached_StopsPaging()
    {
        _server.Reply = _ => FakeReply.Json(200, """{"events":[{"timestamp":1,"message":"a"},{"timestamp":2,"message":"b"}],"nextToken":"more"}""");

        var result = await CreateSut().FilterEventsAsync(new LogFilter { Group = new LogGroupRef("/ecs/api"), Limit = 2 }, CancellationToken.None);

        Assert.Equal(2, result.Value!.Count);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetLastEvents_UnknownGroup_IsNotFound()
    {
        _server.Reply = _ => FakeReply.Error(400, "ResourceNotFoundException", "The specified log group does not exist.");

        var result = await CreateSut().GetLastEventsAsync(new LogGroupRef("/ecs/nope"), "s", 10, CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Equal(("logs", "GetLogEvents"), (result.Gap.Source, result.Gap.Operation));
    }

    [Fact]
    public void EcsLogStreams_AwsLogsWithPrefix_IsPrefixContainerTaskId()
    {
        var task = new EcsTask
        {
            TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/4f1b9b2a6f2e4c0c9d7a1b2c3d4e5f60",
            ClusterArn = "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
            TaskDefinitionArn = "arn:aws:ecs:us-east-1:111122223333:task-definition/api:7",
        };
        var container = new EcsContainerDefinition
        {
            Name = "api",
            LogConfiguration = new EcsLogConfiguration("awslogs", new Dictionary<string, string> { ["awslogs-group"] = "/ecs/api", ["awslogs-stream-prefix"] = "web" }),
        };

        var (group, stream) = EcsLogStreams.For(task, container)!.Value;

        Assert.Equal(new LogGroupRef("/ecs/api", "us-east-1", "111122223333"), group);
        Assert.Equal("web/api/4f1b9b2a6f2e4c0c9d7a1b2c3d4e5f60", stream);
    }

    private ILogsEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Logs;
    }
}
