using System.Text.Json;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Ecs;

/// <summary>A bare task id is looked up in every configured cluster at once.</summary>
public sealed class EcsTaskLocatorTests : IAsyncLifetime
{
    private const string TaskId = "0123456789abcdef0123456789abcdef";

    // Tasks from before the 2018 ARN change carry a UUID, and their ARN no cluster.
    private const string OldTaskId = "b5daebc4-14b6-42a0-baf1-996e119cbeec";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeTask_BareIdInOneOfThreeClusters_IsFound()
    {
        _server.Reply = TaskLivesIn("staging");

        var result = await CreateSut("prod", "staging", "batch").DescribeTaskAsync(Bare(), CancellationToken.None);

        Assert.Equal("staging", result.Value!.ClusterName);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task DescribeTask_BareIdInTwoClusters_IsAmbiguousNamingBothArns()
    {
        _server.Reply = TaskLivesIn("prod", "batch");

        var result = await CreateSut("prod", "staging", "batch").DescribeTaskAsync(Bare(), CancellationToken.None);

        Assert.Equal(GapReason.InvalidRequest, result.Gap!.Reason);
        Assert.Contains($"task/prod/{TaskId}", result.Gap.Detail, StringComparison.Ordinal);
        Assert.Contains($"task/batch/{TaskId}", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTask_BareIdNowhere_IsNotFoundNamingTheClustersSearched()
    {
        _server.Reply = TaskLivesIn();

        var result = await CreateSut("prod", "staging").DescribeTaskAsync(Bare(), CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Contains("prod", result.Gap.Detail, StringComparison.Ordinal);
        Assert.Contains("staging", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTask_BareIdWithNoClustersConfigured_SaysWhatToConfigure()
    {
        var result = await CreateSut().DescribeTaskAsync(Bare(), CancellationToken.None);

        Assert.Equal(GapReason.InvalidRequest, result.Gap!.Reason);
        Assert.Contains("DiagBot:Aws:Accounts:0:Clusters", result.Gap.Detail, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DescribeTask_OneClusterDenied_ReportsTheDenialWhenNotFoundElsewhere()
    {
        _server.Reply = request => Cluster(request) == "prod"
            ? FakeReply.Error(400, "AccessDeniedException", "no")
            : TaskLivesIn()(request);

        var result = await CreateSut("prod", "staging").DescribeTaskAsync(Bare(), CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Contains("ecs:DescribeTasks", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTask_AccountWithTwoRegions_SearchesEachRegionWithItsOwnSignature()
    {
        _server.Reply = TaskLivesIn();
        var settings = EvidenceHarness.Settings(_server.BaseAddress,
            ("DiagBot:Aws:Accounts:0:AccountId", "111122223333"),
            ("DiagBot:Aws:Accounts:0:Regions:0", "us-east-1"),
            ("DiagBot:Aws:Accounts:0:Regions:1", "eu-west-1"),
            ("DiagBot:Aws:Accounts:0:Clusters:0", "prod"));
        var ecs = EvidenceHarness.Build(settings).GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;

        var result = await ecs.DescribeTaskAsync(Bare(), CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Contains(_server.Requests, r => r.Headers["Authorization"].Contains("/us-east-1/ecs/", StringComparison.Ordinal));
        Assert.Contains(_server.Requests, r => r.Headers["Authorization"].Contains("/eu-west-1/ecs/", StringComparison.Ordinal));
        Assert.Contains("eu-west-1", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaskId)]
    [InlineData(OldTaskId)]
    public async Task DescribeTask_OldFormatArnWithoutCluster_IsSearchedInTheConfiguredClusters(string id)
    {
        _server.Reply = OldTaskLivesIn("staging", id);

        var result = await CreateSut("prod", "staging").DescribeTaskAsync(Ref($"arn:aws:ecs:us-east-1:111122223333:task/{id}"), CancellationToken.None);

        Assert.Equal(("staging", $"arn:aws:ecs:us-east-1:111122223333:task/{id}"), (result.Value!.ClusterName, result.Value.TaskArn));
        Assert.Equal(["prod", "staging"], _server.Requests.Select(Cluster).Order());
        Assert.DoesNotContain(_server.Requests, r => Cluster(r) == "default");
    }

    [Fact]
    public async Task DescribeTask_OldFormatArnOfAnAccountWithoutConfiguredClusters_ListsThatAccountsClusters()
    {
        _server.Reply = request => request.Target?.EndsWith(".ListClusters", StringComparison.Ordinal) == true
            ? FakeReply.Json(200, """{"clusterArns":["arn:aws:ecs:eu-west-1:444455556666:cluster/legacy","arn:aws:ecs:eu-west-1:444455556666:cluster/jobs"]}""")
            : OldTaskLivesIn("arn:aws:ecs:eu-west-1:444455556666:cluster/jobs", OldTaskId)(request);

        var result = await CreateSut("prod").DescribeTaskAsync(Ref($"arn:aws:ecs:eu-west-1:444455556666:task/{OldTaskId}"), CancellationToken.None);

        Assert.Equal("jobs", result.Value!.ClusterName);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Contains("/eu-west-1/ecs/", r.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task DescribeTask_OldFormatArnNowhere_IsNotFoundNamingTheClustersSearched()
    {
        _server.Reply = OldTaskLivesIn("nowhere", OldTaskId);

        var result = await CreateSut("prod", "staging").DescribeTaskAsync(Ref($"arn:aws:ecs:us-east-1:111122223333:task/{OldTaskId}"), CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Contains("staging", result.Gap.Detail, StringComparison.Ordinal);
    }

    private static Func<RecordedRequest, FakeReply> OldTaskLivesIn(string cluster, string id) => request =>
    {
        var arn = $"arn:aws:ecs:us-east-1:111122223333:task/{id}";
        return Cluster(request) == cluster
            ? FakeReply.Json(200, $$"""{"tasks":[{"taskArn":"{{arn}}","clusterArn":"arn:aws:ecs:us-east-1:111122223333:cluster/{{EcsClusterName(cluster)}}","taskDefinitionArn":"arn:aws:ecs:us-east-1:111122223333:task-definition/api:1","lastStatus":"STOPPED"}],"failures":[]}""")
            : FakeReply.Json(200, $$"""{"tasks":[],"failures":[{"arn":"{{arn}}","reason":"MISSING"}]}""");
    };

    private static string EcsClusterName(string cluster) => cluster[(cluster.LastIndexOf('/') + 1)..];

    private static EcsTaskRef Ref(string text) => EcsTaskRef.TryParse(text, out var task) ? task : throw new InvalidOperationException(text);

    private static Func<RecordedRequest, FakeReply> TaskLivesIn(params string[] clusters) => request =>
    {
        var cluster = Cluster(request);
        var arn = $"arn:aws:ecs:us-east-1:111122223333:task/{cluster}/{TaskId}";
        return clusters.Contains(cluster)
            ? FakeReply.Json(200, $$"""{"tasks":[{"taskArn":"{{arn}}","clusterArn":"arn:aws:ecs:us-east-1:111122223333:cluster/{{cluster}}","taskDefinitionArn":"arn:aws:ecs:us-east-1:111122223333:task-definition/api:1","lastStatus":"RUNNING"}],"failures":[]}""")
            : FakeReply.Json(200, $$"""{"tasks":[],"failures":[{"arn":"{{arn}}","reason":"MISSING"}]}""");
    };

    private static string Cluster(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("cluster").GetString()!;
    }

    private IEcsEvidence CreateSut(params string[] clusters)
    {
        var extra = new List<(string, string?)>();
        if (clusters.Length > 0)
        {
            extra.Add(("DiagBot:Aws:Accounts:0:AccountId", "111122223333"));
            extra.AddRange(clusters.Select((c, i) => ($"DiagBot:Aws:Accounts:0:Clusters:{i}", (string?)c)));
        }

        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress, [.. extra]));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;
    }

    private static EcsTaskRef Bare() => EcsTaskRef.TryParse(TaskId, out var task) ? task : throw new InvalidOperationException();
}
