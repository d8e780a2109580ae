using System.Text.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Conformance;

/// <summary>
/// Runs the official AWS CLI (v1, over botocore: a second official client beside the JavaScript SDK) against the sandbox,
/// one command per operation DiagBot reads, each as an engineer would type it with --endpoint-url.
/// </summary>
[Trait("Tier", "External")]
[Collection(SandboxReads.Name)]
public sealed class AwsCliConformanceTests(SandboxFixture fixture)
{
    [Theory]
    [InlineData("ecs list-clusters")]
    [InlineData("ecs list-tasks --cluster prod --desired-status STOPPED")]
    [InlineData("ecs describe-services --cluster prod --services storefront notification-worker")]
    [InlineData("ecs describe-task-definition --task-definition notification-worker:31")]
    [InlineData("ecs list-task-definitions --sort DESC --max-items 5")]
    [InlineData("elbv2 describe-load-balancers --names prod-public")]
    [InlineData("elbv2 describe-target-groups")]
    [InlineData("ec2 describe-subnets")]
    [InlineData("ec2 describe-security-groups")]
    [InlineData("logs describe-log-groups --log-group-name-prefix /ecs/")]
    [InlineData("logs filter-log-events --log-group-name /ecs/notifier --filter-pattern SMTP_HOST")]
    [InlineData("cloudtrail lookup-events --max-results 5")]
    [InlineData("sts get-caller-identity")]
    public async Task AwsCli_EveryReadOperation_AnswersJsonItCanRead(string command)
    {
        var result = await AwsCli.RunAsync(fixture.Server, command.Split(' '));

        Assert.True(result.ExitCode == 0, result.Describe());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Fact]
    public async Task AwsCli_DescribeTasksOfEveryTaskScenario_FindsEachInOneOfTheListedClusters()
    {
        var subjects = fixture.Server.Scenarios.Select(s => s.Subject).Where(s => s.StartsWith("arn:aws:ecs:", StringComparison.Ordinal)).ToList();
        var found = new List<string>();

        foreach (var cluster in (await JsonAsync("ecs", "list-clusters")).GetProperty("clusterArns").EnumerateArray().Select(c => c.GetString()!))
        {
            var tasks = (await JsonAsync(["ecs", "describe-tasks", "--cluster", cluster, "--tasks", .. subjects])).GetProperty("tasks");
            found.AddRange(tasks.EnumerateArray().Where(t => t.GetProperty("containers").GetArrayLength() > 0).Select(t => t.GetProperty("taskArn").GetString()!));
        }

        Assert.Equal(subjects.Order(), found.Order());
    }

    [Fact]
    public async Task AwsCli_ListenerRulesOfThePublicAlb_ForwardToItsTargetGroups()
    {
        var lb = (await JsonAsync("elbv2", "describe-load-balancers", "--names", "prod-public")).GetProperty("LoadBalancers")[0].GetProperty("LoadBalancerArn").GetString()!;
        var listeners = (await JsonAsync("elbv2", "describe-listeners", "--load-balancer-arn", lb)).GetProperty("Listeners");
        var https = listeners.EnumerateArray().Single(l => l.GetProperty("Port").GetInt32() == 443).GetProperty("ListenerArn").GetString()!;

        var rules = (await JsonAsync("elbv2", "describe-rules", "--listener-arn", https)).GetProperty("Rules");

        Assert.Equal("default", rules[rules.GetArrayLength() - 1].GetProperty("Priority").GetString());
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("Actions")[0].GetProperty("Type").GetString() == "forward");
    }

    [Fact]
    public async Task AwsCli_DescribeTagsOfAGroupTheControllerMade_ShowsItsClusterAndStack()
    {
        var group = (await JsonAsync("elbv2", "describe-target-groups", "--names", "k8s-payments-invoicer-9e3a6f2c18")).GetProperty("TargetGroups")[0];
        var arn = group.GetProperty("TargetGroupArn").GetString()!;

        var described = (await JsonAsync("elbv2", "describe-tags", "--resource-arns", arn)).GetProperty("TagDescriptions")[0];

        Assert.Equal(arn, described.GetProperty("ResourceArn").GetString());
        var tags = described.GetProperty("Tags").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString());
        Assert.Equal(("prod-eks", "payments/invoice-render"), (tags["elbv2.k8s.aws/cluster"], tags["ingress.k8s.aws/stack"]));
        var queried = await JsonAsync("elbv2", "describe-tags", "--region", "us-east-1", "--resource-arns", arn, "--query", "TagDescriptions[0].Tags");
        Assert.Equal(3, queried.GetArrayLength());
    }

    [Fact]
    public async Task AwsCli_UnknownListener_FailsWithTheElbErrorCode()
    {
        var result = await AwsCli.RunAsync(fixture.Server, ["elbv2", "describe-rules", "--listener-arn",
            $"arn:aws:elasticloadbalancing:us-east-1:{fixture.Server.Options.AccountId}:listener/app/prod-public/0000000000000000/0000000000000000"]);

        Assert.Equal(255, result.ExitCode);
        Assert.Contains("(ListenerNotFound) when calling the DescribeRules operation: One or more listeners not found", result.Error, StringComparison.Ordinal);
    }

    private async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await AwsCli.RunAsync(fixture.Server, arguments);
        Assert.True(result.ExitCode == 0, result.Describe());
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }
}
