using System.Text.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>
/// The sandbox's CloudWatch read by three official clients: the AWS CLI (awsJson 1.0, its pick), botocore made to speak
/// Smithy RPC v2 CBOR, and the AWS SDK for JavaScript's CloudWatch client (awsJson 1.0, its default).
/// </summary>
[Trait("Tier", "External")]
[Collection(SandboxReads.Name)]
public sealed class CloudWatchConformanceTests(SandboxFixture fixture)
{
    [Fact]
    public async Task AwsCli_ListMetrics_ListsTheOomTasksContainerInsightsMemory()
    {
        var taskId = Scenario("p07-task-oom").Subject.Split('/')[^1];

        var metrics = (await JsonAsync("cloudwatch", "list-metrics", "--namespace", "ECS/ContainerInsights", "--dimensions", $"Name=TaskId,Value={taskId}"))
            .GetProperty("Metrics");

        Assert.Equal(["MemoryReserved", "MemoryUtilized"], metrics.EnumerateArray().Select(m => m.GetProperty("MetricName").GetString()).Order());
        Assert.All(metrics.EnumerateArray(), m => Assert.Equal(["ClusterName", "TaskDefinitionFamily", "TaskId"],
            m.GetProperty("Dimensions").EnumerateArray().Select(d => d.GetProperty("Name").GetString())));
    }

    [Fact]
    public async Task AwsCli_GetMetricData_GivesThe504LoadBalancersP99AtItsIdleTimeout()
    {
        var lb = (await JsonAsync("elbv2", "describe-load-balancers", "--names", "prod-internal")).GetProperty("LoadBalancers")[0].GetProperty("LoadBalancerArn").GetString()!;
        var dimension = lb[(lb.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];
        var queries = $$$"""[{"Id":"p99","MetricStat":{"Metric":{"Namespace":"AWS/ApplicationELB","MetricName":"TargetResponseTime","Dimensions":[{"Name":"LoadBalancer","Value":"{{{dimension}}}"}]},"Period":600,"Stat":"p99"}}]""";
        var end = DateTimeOffset.UtcNow;

        var result = (await JsonAsync("cloudwatch", "get-metric-data", "--metric-data-queries", queries,
            "--start-time", end.AddHours(-2).ToString("O"), "--end-time", end.ToString("O"))).GetProperty("MetricDataResults")[0];

        Assert.Equal("Complete", result.GetProperty("StatusCode").GetString());
        Assert.InRange(result.GetProperty("Values").GetArrayLength(), 12, 13);
        Assert.All(result.GetProperty("Values").EnumerateArray(), v => Assert.Equal(60, v.GetDouble()));
    }

    [Fact]
    public async Task AwsCli_GetMetricDataWithAMetricMathExpression_IsRefusedByName()
    {
        var end = DateTimeOffset.UtcNow;
        var result = await AwsCli.RunAsync(fixture.Server, ["cloudwatch", "get-metric-data", "--metric-data-queries", """[{"Id":"e","Expression":"SUM(METRICS())"}]""",
            "--start-time", end.AddHours(-1).ToString("O"), "--end-time", end.ToString("O")]);

        Assert.Equal(255, result.ExitCode);
        Assert.Contains("(InvalidParameterValue) when calling the GetMetricData operation", result.Error, StringComparison.Ordinal);
        Assert.Contains("metric math", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Botocore_OverSmithyRpcV2Cbor_ReadsPercentilesAndTheQueryCompatibleError()
    {
        var python = ProcessRunner.OnPath("python3") ?? throw new InvalidOperationException("python3 is not on PATH; the AWS CLI v1 and its botocore need it.");
        var conformance = Path.Combine(ProcessRunner.RepositoryRoot(), "tests", "conformance");
        var home = Directory.CreateTempSubdirectory("diagbot-botocore-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync(python, ["cloudwatch_cbor.py", fixture.Server.BaseAddress.ToString().TrimEnd('/')],
                AwsCli.Environment(fixture.Server, home), conformance, TimeSpan.FromMinutes(2));

            Assert.True(result.ExitCode == 0, result.Describe());
            var output = JsonDocument.Parse(result.Output).RootElement;
            Assert.Equal("smithy-rpc-v2-cbor", output.GetProperty("protocol").GetString());
            Assert.All(output.GetProperty("values").GetProperty("p99").EnumerateArray(), v => Assert.Equal(60, v.GetDouble()));
            Assert.All(output.GetProperty("values").GetProperty("p50").EnumerateArray(), v => Assert.InRange(v.GetDouble(), 0.01, 0.1));
            Assert.True(output.GetProperty("newestFirst").GetBoolean());
            Assert.Equal("InvalidParameterValue", output.GetProperty("error").GetString());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task NodeTest_OfficialJsSdkCloudWatchClient_ReadsTheIncidentsMetrics()
    {
        var conformance = Path.Combine(ProcessRunner.RepositoryRoot(), "tests", "conformance");
        Assert.True(Directory.Exists(Path.Combine(conformance, "node_modules", "@aws-sdk", "client-cloudwatch")),
            $"@aws-sdk/client-cloudwatch is not installed in {conformance}/node_modules: run scripts/install-test-deps.sh.");
        var node = ProcessRunner.OnPath("node") ?? throw new InvalidOperationException("node is not on PATH; the conformance test needs Node.js 20 or later.");

        var result = await ProcessRunner.RunAsync(node, ["--test", "--no-warnings", "cloudwatch.test.mjs"],
            new Dictionary<string, string> { ["SANDBOX_URL"] = fixture.Server.BaseAddress.ToString() }, conformance, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("# pass 4", result.Output);
        Assert.Contains("# fail 0", result.Output);
    }

    private SandboxScenario Scenario(string name) => fixture.Server.Scenarios.Single(s => s.Name == name);

    private async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await AwsCli.RunAsync(fixture.Server, arguments);
        Assert.True(result.ExitCode == 0, result.Describe());
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }
}
