using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Verdicts;
using static DiagBot.Playbooks.Tests.Fakes.LoadBalancedWorld;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 13 on an in-memory service: log wordings, timeouts and what is missing.</summary>
public sealed class Alb504TimeoutSubCauseTests
{
    private readonly FakeLoadBalancerEvidence _world = Create();

    [Theory]
    [InlineData("GET /report took 75s")]
    [InlineData("request finished latency=75000ms status=200")]
    [InlineData("POST /export 200 75123ms")]
    [InlineData("handled /export in 75.2 seconds")]
    [InlineData("""{"level":30,"time":1768038067123,"req":{"method":"POST","url":"/exp"""
        + """ort"},"res":{"statusCode":200},"responseTime":75123,"msg":"request completed"}""")]
    [InlineData("""{"time":"2026-01-10T09:41:07.123Z","level":"INFO","msg":"request done","path":"/export","duration":75123000000}""")]
    [InlineData("""{"time_local":"10/Jan/2026:09:41:07 +0000","request":"POST /export HTTP/1.1","status":"200","request_time":"75.123"}""")]
    public async Task Investigate_SlowRequestInSeveralWordings_ConfirmsIdleTimeoutExceeded(string line)
    {
        Log("GET /health 200 2ms", line);

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Confirmed, Alb504TimeoutPlaybook.IdleTimeoutExceededSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("up to 75 s", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains($"--log-group-name {LogGroup}", verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains("Value=120", verdict.Fix[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_SlowestJustUnderTheTimeout_IsLikelyNearTimeout()
    {
        Log("POST /quotes/bulk 200 completed in 55000 ms");

        var verdict = await InvestigateAsync();

        Assert.Equal((VerdictStatus.Likely, Alb504TimeoutPlaybook.NearIdleTimeoutSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_IdleTimeoutRaisedAboveTheSlowest_IsRuledOut()
    {
        Log("POST /quotes/bulk 200 completed in 87412 ms");
        _world.Attributes[LoadBalancerArn]["idle_timeout.timeout_seconds"] = "300";

        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_LogsWithoutDurations_IsInconclusive()
    {
        Log("starting", "listening on 0.0.0.0:8080");

        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Contains("no request durations", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ContainerWithoutAwsLogs_IsInconclusiveNamingTheGap()
    {
        Replace(_world.TaskDefinitions, d => d with { ContainerDefinitions = [d.ContainerDefinitions[0] with { LogConfiguration = new EcsLogConfiguration("fluentd", new Dictionary<string, string>()) }] });

        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Contains(verdict.Missing, gap => gap.Operation == "FilterLogEvents" && gap.Detail.Contains("awslogs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_SlowRequestsAndUnhealthyTargets_SaysBoth()
    {
        Log("GET /report took 75s");
        _world.Health[TargetGroupArn] = [Target("10.0.1.10", "healthy"), Target("10.0.2.20", "unhealthy", "Target.Timeout", "Request timed out")];

        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.Contains("1 of 2 targets are not healthy", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_BehindANetworkLoadBalancer_IsRuledOut()
    {
        Log("GET /report took 75s");
        const string Nlb = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/edge-nlb/0123456789abcdef";
        Replace(_world.TargetGroups, g => g with { LoadBalancerArns = [Nlb] });

        var verdict = await InvestigateAsync();

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.DoesNotContain("DescribeLoadBalancerAttributes", _world.Calls);
    }

    private void Log(params string[] lines) =>
        _world.LogLines.AddRange(lines.Select((line, i) => new LogEvent(DateTimeOffset.UtcNow.AddMinutes(-10 + i), line, "ecs/web/0123456789abcdef0123456789abcdef")));

    private Task<Verdict> InvestigateAsync() => new Alb504TimeoutPlaybook().InvestigateAsync(ServiceContext(_world), CancellationToken.None);
}
