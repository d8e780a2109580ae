using System.Net;
using DiagBot.Sandbox.Catalogue.Scale;
using DiagBot.Sandbox.Hosting;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Scale;

/// <summary>Issue 22: `--scale large` seeds a real platform team's estate, deterministically, in three accounts.</summary>
// Slow tier: its subject is scale itself; it seeds the large estate (20,000 stopped tasks) four times.
[Trait("Tier", "Slow")]
public sealed class LargeAccountTests(LargeSandboxFixture large) : IClassFixture<LargeSandboxFixture>
{
    private const string Ec2Version = "2016-11-15";

    [Fact]
    public void Seed_Large_HoldsTheEstateTheIssueAsksForAcrossThreeAccounts()
    {
        var runtime = new SandboxRuntime(new SandboxOptions { Scale = SandboxScale.Large });
        var bulk = runtime.Worlds.Values.Select(w => w.Ecs).ToList();

        Assert.Equal(3, runtime.Worlds.Count);
        Assert.Equal(LargeAccount.Clusters, bulk.Sum(e => e.Clusters.Count(c => c.ClusterName.StartsWith("team-", StringComparison.Ordinal))));
        Assert.Equal(LargeAccount.Services, bulk.Sum(e => e.Services.Count(s => s.ServiceName.StartsWith("svc-", StringComparison.Ordinal))));
        Assert.Equal(LargeAccount.StoppedTasks, bulk.Sum(e => e.Tasks.Count(t => t.LastStatus == "STOPPED" && t.Group!.StartsWith("service:svc-", StringComparison.Ordinal))));
        Assert.Equal(LargeAccount.TargetGroups, runtime.Worlds.Values.Sum(w => w.Elb.TargetGroups.Count(g => g.TargetGroupName.StartsWith("tg-", StringComparison.Ordinal))));
    }

    [Fact]
    public void Seed_TwoLargeSandboxes_AreTheSameEstate()
    {
        string Fingerprint(SandboxRuntime runtime) => string.Join("\n", runtime.Worlds.OrderBy(w => w.Key, StringComparer.Ordinal)
            .SelectMany(w => w.Value.Ecs.Tasks.Select(t => $"{t.TaskArn} {t.StoppedReason} {t.Attachments.FirstOrDefault()?.Details.Last().Value}")));

        Assert.Equal(Fingerprint(new SandboxRuntime(new SandboxOptions { Scale = SandboxScale.Large })), Fingerprint(new SandboxRuntime(new SandboxOptions { Scale = SandboxScale.Large })));
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_TargetAddress_NamesTheTaskServiceByEcsManagedTags()
    {
        var group = large.Server.Scenarios.Count > 0 ? "tg-00-00" : throw new InvalidOperationException();
        var client = new AwsTestClient(large.Server);
        var targets = await client.QueryAsync("elasticloadbalancing", AwsForms.Action("DescribeTargetGroups", "2015-12-01", ("Names.member.1", group)));
        var arn = targets.Value("TargetGroupArn");
        var health = await client.QueryAsync("elasticloadbalancing", AwsForms.Action("DescribeTargetHealth", "2015-12-01", ("TargetGroupArn", arn)));
        var ip = health.Value("Id");

        var reply = await client.QueryAsync("ec2", AwsForms.Action("DescribeNetworkInterfaces", Ec2Version,
            ("Filter.1.Name", "addresses.private-ip-address"), ("Filter.1.Value.1", ip)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var tags = reply.Values("key").Zip(reply.Values("value")).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(("team-00", "svc-00-00"), (tags["aws:ecs:clusterName"], tags["aws:ecs:serviceName"]));
        Assert.StartsWith($"arn:aws:ecs:us-east-1:{large.Server.Options.AccountId}:attachment/", reply.Value("description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTasks_StoppedInALargeCluster_IsPagedByHundreds()
    {
        var client = new AwsTestClient(large.Server);
        var pages = 0;
        var arns = 0;
        string? next = null;
        do
        {
            var reply = await client.JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.ListTasks",
                next is null ? new { cluster = "team-00", desiredStatus = "STOPPED" } : new { cluster = "team-00", desiredStatus = "STOPPED", nextToken = next });
            arns += reply.Json.GetProperty("taskArns").GetArrayLength();
            next = reply.Json.TryGetProperty("nextToken", out var token) ? token.GetString() : null;
            pages++;
        }
        while (next is not null);

        Assert.Equal(LargeAccount.ServicesPerCluster * LargeAccount.StoppedTasksPerService, arns);
        Assert.Equal(arns / 100, pages);
    }
}
