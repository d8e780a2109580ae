using System.Text.Json;
using DiagBot.Bot.Cli;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Tests.Cli;

/// <summary>The CLI path end to end: the CLI starts its own sandbox and reads it over HTTP through the live client.</summary>
public sealed class DiagnoseCommandTests
{
    [Fact]
    public async Task Diagnose_SeededOomTaskByArn_ConfirmsPlaybook7WithRealIds()
    {
        var subject = await SubjectOfAsync("p07-task-oom");

        var run = await CliRun.ExecuteAsync("diagnose", subject, "--format", "json");

        Assert.Equal(CliApp.ExitVerdict, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var verdict = json.RootElement.GetProperty("verdicts")[0];
        Assert.Equal(Modes.Named("task-out-of-memory").Number, verdict.GetProperty("playbook").GetInt32());
        Assert.Equal("confirmed", verdict.GetProperty("status").GetString());
        Assert.Equal("oom", verdict.GetProperty("subCause").GetString());
        var taskId = subject[(subject.LastIndexOf('/') + 1)..];
        Assert.Contains($"--cluster prod --tasks {taskId}", verdict.GetProperty("confirm").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("sandbox").GetBoolean());
    }

    [Fact]
    public async Task Diagnose_SeededStopTimeoutTaskByBareId_SaysSigKillNotMemoryAndExitsOne()
    {
        var subject = await SubjectOfAsync("lookalike-137-stop-timeout");
        var bareId = subject[(subject.LastIndexOf('/') + 1)..];

        var run = await CliRun.ExecuteAsync("diagnose", bareId);

        Assert.Equal(CliApp.ExitNothingMatched, run.ExitCode);
        Assert.Contains("Not memory", run.Output, StringComparison.Ordinal);
        Assert.Contains("SIGKILL", run.Output, StringComparison.Ordinal);
        Assert.Contains("ruled_out", run.Output, StringComparison.Ordinal);
        Assert.Contains("Answered from the DiagBot sandbox", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_UnknownTask_ExitsTwoWithOneLineSayingWhatToType()
    {
        var run = await CliRun.ExecuteAsync("diagnose", "arn:aws:ecs:us-east-1:111122223333:task/prod/ffffffffffffffffffffffffffffffff");

        Assert.Equal(CliApp.ExitBadInput, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("ffffffffffffffffffffffffffffffff", run.Error, StringComparison.Ordinal);
        Assert.Contains("aws ecs list-tasks --cluster prod", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:111122223333:task/prod/zz", "malformed id")]
    [InlineData("0f3c9a1b2c3d4e5f", "ECS task ids are 32 hex characters")]
    [InlineData("arn:aws:s3:::my-bucket", "not an ECS task")]
    public async Task Diagnose_UnparseableReference_ExitsTwoWithoutStartingAnything(string reference, string expected)
    {
        var run = await CliRun.ExecuteAsync("diagnose", reference);

        Assert.Equal(CliApp.ExitBadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_UnknownFormat_ExitsTwo()
    {
        var run = await CliRun.ExecuteAsync("diagnose", "0f3c9a1b2c3d4e5f60718293a4b5c6d7", "--format", "xml");

        Assert.Equal(CliApp.ExitBadInput, run.ExitCode);
        Assert.Contains("--format markdown or --format json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_P05TargetGroupByName_ConfirmsPlaybook5WithTheRealTargetGroupArn()
    {
        var run = await CliRun.ExecuteAsync("diagnose", "ALB 503 on target group storefront-tg", "--format", "json");

        Assert.Equal(CliApp.ExitVerdict, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("target-group", json.RootElement.GetProperty("subjectKind").GetString());
        var verdict = json.RootElement.GetProperty("verdicts")[0];
        Assert.Equal(Modes.Named("alb-503-no-targets").Number, verdict.GetProperty("playbook").GetInt32());
        Assert.Equal("confirmed", verdict.GetProperty("status").GetString());
        Assert.Matches(@"--target-group-arn arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/storefront-tg/[0-9a-f]{16}\b", verdict.GetProperty("confirm").GetString());
    }

    [Fact]
    public async Task Diagnose_P09Deployment_DiagnosesItsPendingPodWithPlaybook9()
    {
        var run = await CliRun.ExecuteAsync("diagnose", "deployment payments/ledger-api", "--format", "json");

        Assert.Equal(CliApp.ExitVerdict, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("deployment", json.RootElement.GetProperty("subjectKind").GetString());
        var verdict = json.RootElement.GetProperty("verdicts")[0];
        Assert.Equal(Modes.Named("eks-pods-pending").Number, verdict.GetProperty("playbook").GetInt32());
        Assert.Equal("confirmed", verdict.GetProperty("status").GetString());
        Assert.Contains("ledger-api-6c8f7d9b5-q2w8x", verdict.GetProperty("confirm").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_DeploymentWithoutNamespace_ExitsTwoSayingWhatToType()
    {
        var run = await CliRun.ExecuteAsync("diagnose", "deployment ledger-api");

        Assert.Equal(CliApp.ExitBadInput, run.ExitCode);
        Assert.Contains("deployment <namespace>/<name>", run.Error, StringComparison.Ordinal);
    }

    // healthy-inventory-sync's on-demand task, launched without the taskLongArnFormat setting: its ARN names no cluster.
    private const string OldFormatTaskId = "9bd13df6-9771-4f14-99d9-b6d348f1906e";

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:111122223333:task/" + OldFormatTaskId)]
    [InlineData(OldFormatTaskId)]
    public async Task Diagnose_OldFormatTaskArnOrItsUuid_IsFoundInTheConfiguredClustersAndDiagnosed(string reference)
    {
        var run = await CliRun.ExecuteAsync("diagnose", reference, "--format", "json");

        Assert.True(run.ExitCode == CliApp.ExitNothingMatched, $"exit {run.ExitCode}: {run.Error}{run.Output}");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("task", json.RootElement.GetProperty("subjectKind").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("verdicts").EnumerateArray(), v => v.GetProperty("status").GetString() is "confirmed" or "likely");
    }

    [Fact]
    public async Task Diagnose_UnknownOldFormatTaskArn_ExitsTwoNamingTheClustersSearched()
    {
        var run = await CliRun.ExecuteAsync("diagnose", "arn:aws:ecs:us-east-1:111122223333:task/0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8");

        Assert.Equal(CliApp.ExitBadInput, run.ExitCode);
        Assert.Contains("0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8", run.Error, StringComparison.Ordinal);
        Assert.Contains("prod-ec2", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cluster default", run.Error, StringComparison.Ordinal);
    }

    private static async Task<string> SubjectOfAsync(string scenario)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        return sandbox.Scenarios.Single(s => s.Name == scenario).Subject;
    }
}
