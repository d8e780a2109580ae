using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Logs;

[Collection(SandboxReads.Name)]
public sealed class LogsTests(SandboxFixture fixture)
{
    private const string Prefix = "Logs_20140328.";

    [Fact]
    public async Task GetLogEvents_FromTail_ReturnsTheLastLinesAndEndsOnTheSameToken()
    {
        var stream = await CrashLoopStreamAsync();

        var last = await Logs("GetLogEvents", new { logGroupName = "/ecs/notifier", logStreamName = stream, limit = 2 });
        var after = await Logs("GetLogEvents", new { logGroupName = "/ecs/notifier", logStreamName = stream, nextToken = last.Json.GetProperty("nextForwardToken").GetString() });

        Assert.Equal(HttpStatusCode.OK, last.Status);
        Assert.StartsWith("goroutine 1", last.Json.GetProperty("events")[0].GetProperty("message").GetString());
        Assert.Equal(0, after.Json.GetProperty("events").GetArrayLength());
        Assert.Equal(last.Json.GetProperty("nextForwardToken").GetString(), after.Json.GetProperty("nextForwardToken").GetString());
    }

    [Fact]
    public async Task FilterLogEvents_PhrasePattern_MatchesAcrossStreamsWithPaging()
    {
        var first = await Logs("FilterLogEvents", new { logGroupName = "/ecs/notifier", filterPattern = "\"SMTP_HOST is not set\"", limit = 2 });
        var rest = await Logs("FilterLogEvents", new { logGroupName = "/ecs/notifier", filterPattern = "\"SMTP_HOST is not set\"", limit = 2, nextToken = first.Json.GetProperty("nextToken").GetString() });

        Assert.Equal(2, first.Json.GetProperty("events").GetArrayLength());
        Assert.Equal(1, rest.Json.GetProperty("events").GetArrayLength());
        Assert.False(rest.Json.TryGetProperty("nextToken", out _));
    }

    [Fact]
    public async Task GetLogEvents_UnknownGroup_IsResourceNotFound()
    {
        var reply = await Logs("GetLogEvents", new { logGroupName = "/ecs/none", logStreamName = "x" });

        Assert.Equal("ResourceNotFoundException", reply.ErrorType);
    }

    private async Task<string> CrashLoopStreamAsync()
    {
        var tasks = await fixture.CreateClient().JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.ListTasks",
            new { cluster = "prod", serviceName = "notification-worker", desiredStatus = "STOPPED" });
        var arn = tasks.Json.GetProperty("taskArns")[0].GetString()!;
        return "ecs/notifier/" + arn[(arn.LastIndexOf('/') + 1)..];
    }

    [Fact]
    public async Task DescribeLogGroups_EveryGroupATaskDefinitionNames_Exists()
    {
        var reply = await Logs("DescribeLogGroups", new { logGroupNamePrefix = "/ecs/" });

        var groups = reply.Json.GetProperty("logGroups").EnumerateArray().Select(g => g.GetProperty("logGroupName").GetString()).ToList();
        Assert.Contains("/ecs/notifier", groups);
        Assert.Contains("/ecs/web", groups);
        Assert.All(reply.Json.GetProperty("logGroups").EnumerateArray(), g => Assert.EndsWith(":log-group:" + g.GetProperty("logGroupName").GetString() + ":*", g.GetProperty("arn").GetString(), StringComparison.Ordinal));
    }

    private Task<AwsReply> Logs(string operation, object body) => fixture.CreateClient().JsonAsync("logs", Prefix + operation, body);
}
