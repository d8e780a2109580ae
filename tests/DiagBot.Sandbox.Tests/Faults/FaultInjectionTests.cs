using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Faults;

/// <summary>Each test starts its own sandbox: faults are state, and tests in a class run one after another but share a fixture.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string DescribeTasks = "AmazonEC2ContainerServiceV20141113.DescribeTasks";
    private static readonly object _body = new { cluster = "prod", tasks = new[] { "abc" } };
    private SandboxServer _server = null!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Throttling_JsonService_AnswersThrottlingExceptionThenRecovers()
    {
        _server.Faults.Set("ecs", "DescribeTasks", new SandboxFault { Kind = SandboxFaultKind.Throttling, Times = 1 });
        var client = new AwsTestClient(_server);

        var first = await client.JsonAsync("ecs", DescribeTasks, _body);
        var second = await client.JsonAsync("ecs", DescribeTasks, _body);

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal("ThrottlingException", first.ErrorType);
        Assert.Equal(HttpStatusCode.OK, second.Status);
    }

    [Fact]
    public async Task Throttling_QueryService_AnswersThrottlingErrorResponse()
    {
        _server.Faults.Set("elasticloadbalancing", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.Throttling });

        var reply = await new AwsTestClient(_server).QueryAsync("elasticloadbalancing", AwsForms.Action("DescribeLoadBalancers", "2015-12-01"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Throttling", reply.Value("Code"));
        Assert.Equal("Sender", reply.Value("Type"));
    }

    [Fact]
    public async Task ServerError_JsonService_Answers500()
    {
        _server.Faults.Set("logs", "GetLogEvents", new SandboxFault { Kind = SandboxFaultKind.ServerError });

        var reply = await new AwsTestClient(_server).JsonAsync("logs", "Logs_20140328.GetLogEvents", new { logGroupName = "/ecs/api", logStreamName = "x" });

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
    }

    [Fact]
    public async Task AccessDenied_CloudTrail_NamesTheCallerAndAction()
    {
        _server.Faults.Set("cloudtrail", "LookupEvents", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });

        var reply = await new AwsTestClient(_server).JsonAsync("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", new { });

        Assert.Equal("AccessDeniedException", reply.ErrorType);
        Assert.Contains("is not authorized to perform: cloudtrail:LookupEvents", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Latency_Operation_DelaysTheAnswer()
    {
        _server.Faults.Set("ecs", "DescribeTasks", new SandboxFault { Latency = TimeSpan.FromMilliseconds(300) });
        var watch = Stopwatch.StartNew();

        var reply = await new AwsTestClient(_server).JsonAsync("ecs", DescribeTasks, _body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Hang_ClientTimeout_ClientGivesUp()
    {
        _server.Faults.Set("ecs", "DescribeTasks", new SandboxFault { Kind = SandboxFaultKind.Hang, HangFor = TimeSpan.FromSeconds(30) });
        using var http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.BaseAddress) { Content = new ByteArrayContent("{}"u8.ToArray()) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", DescribeTasks);
        TestSigner.Sign(request, "{}"u8.ToArray(), "ecs", "us-east-1", _server.Options.AccessKeyId, _server.Options.SecretAccessKey, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<TaskCanceledException>(() => http.SendAsync(request));
    }

    [Fact]
    public async Task Hang_SandboxStops_EndsWithoutWaitingOutTheFault()
    {
        var server = await SandboxServer.StartAsync();
        server.Faults.Set("kubernetes", "pods", new SandboxFault { Kind = SandboxFaultKind.Hang, HangFor = TimeSpan.FromMinutes(5) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var pending = http.GetAsync("/api/v1/pods");
        await Task.Delay(200);
        var watch = Stopwatch.StartNew();

        await server.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {watch.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(async () => (await pending).EnsureSuccessStatusCode());
    }

    [Fact]
    public async Task ControlEndpoint_PostFault_AppliesToKubernetes()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        using var created = await http.PostAsJsonAsync("/_sandbox/faults", new { service = "kubernetes", operation = "pods", kind = "accessDenied", times = 1 });
        using var denied = await http.GetAsync("/api/v1/namespaces/shop/pods");
        using var allowed = await http.GetAsync("/api/v1/namespaces/shop/pods");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("\"reason\":\"Forbidden\"", await denied.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task ControlEndpoint_DeleteFaults_ClearsThem()
    {
        _server.Faults.Set("ecs", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.ServerError });
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        using var cleared = await http.DeleteAsync("/_sandbox/faults");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(_server.Faults.Snapshot());
    }
}
