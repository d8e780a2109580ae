using System.Text.Json;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Ecs;

/// <summary>ListTasks, DescribeServices and DescribeContainerInstances against documented bodies.</summary>
public sealed class EcsInventoryTests : IAsyncLifetime
{
    private const string ClusterArn = "arn:aws:ecs:eu-west-1:111122223333:cluster/prod";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListTasks_TwoPages_FollowsNextTokenInTheClusterRegion()
    {
        _server.Reply = r => FakeReply.Json(200, r.Body.Contains("\"nextToken\"", StringComparison.Ordinal)
            ? """{"taskArns":["arn:aws:ecs:eu-west-1:111122223333:task/prod/b"]}"""
            : """{"taskArns":["arn:aws:ecs:eu-west-1:111122223333:task/prod/a"],"nextToken":"n"}""");

        var result = await CreateSut().ListTasksAsync(new EcsTaskListQuery(ClusterArn) { ServiceName = "api", DesiredStatus = "STOPPED" }, CancellationToken.None);

        Assert.Equal(2, result.Value!.Count);
        var first = _server.Requests.First();
        Assert.Equal("AmazonEC2ContainerServiceV20141113.ListTasks", first.Target);
        Assert.Contains("/eu-west-1/ecs/aws4_request", first.Headers["Authorization"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(first.Body);
        Assert.Equal("api", body.RootElement.GetProperty("serviceName").GetString());
        Assert.Equal("STOPPED", body.RootElement.GetProperty("desiredStatus").GetString());
    }

    [Fact]
    public async Task DescribeService_DocumentedResponse_ReadsDeploymentsEventsAndStrategy()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-services.json"));

        var result = await CreateSut().DescribeServiceAsync(ClusterArn, "api", CancellationToken.None);

        var service = result.Value!;
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeServices", Assert.Single(_server.Requests).Target);
        Assert.Equal((100, 200, true), (service.MinimumHealthyPercent, service.MaximumPercent, service.CircuitBreakerEnabled));
        Assert.Equal(new EcsCapacityProviderStrategyItem("spot", 1, 0), Assert.Single(service.CapacityProviderStrategy));
        Assert.Equal(8080, Assert.Single(service.LoadBalancers).ContainerPort);
        Assert.Equal("DISABLED", service.NetworkConfiguration!.AssignPublicIp);
        Assert.Equal("IN_PROGRESS", service.Deployments[0].RolloutState);
        Assert.Contains("unable to place a task", service.Events[0].Message, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764139700), service.Events[0].CreatedAt);
    }

    [Fact]
    public async Task DescribeService_Missing_IsNotFound()
    {
        _server.Reply = _ => FakeReply.Json(200, """{"services":[],"failures":[{"arn":"arn:aws:ecs:eu-west-1:111122223333:service/prod/nope","reason":"MISSING"}]}""");

        var result = await CreateSut().DescribeServiceAsync(ClusterArn, "nope", CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Contains("MISSING", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeContainerInstances_DocumentedResponse_ReadsRemainingMemory()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("ecs-describe-container-instances.json"));

        var result = await CreateSut().DescribeContainerInstancesAsync(ClusterArn, ["arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/0a1b"], CancellationToken.None);

        var instance = Assert.Single(result.Value!);
        Assert.Equal(256, instance.RemainingResources["MEMORY"]);
        Assert.Equal(2048, instance.RegisteredResources["CPU"]);
        Assert.False(instance.RegisteredResources.ContainsKey("PORTS"));
        Assert.True(instance.AgentConnected);
    }

    [Fact]
    public async Task ListTasksAndDescribeService_ClusterByNameThenByArn_AskTheServiceOnce()
    {
        // Triage lists a service's tasks from the words typed ("prod") while DescribeServices answers with the
        // cluster's ARN: in the default account and region both name one cluster, so the session asks once.
        _server.Reply = r => r.Target!.EndsWith(".ListTasks", StringComparison.Ordinal)
            ? FakeReply.Json(200, """{"taskArns":["arn:aws:ecs:us-east-1:111122223333:task/prod/a"]}""")
            : FakeReply.Json(200, Fixture.Read("ecs-describe-services.json"));
        var ecs = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress, ("DiagBot:Aws:Accounts:0:AccountId", "111122223333"), ("DiagBot:Aws:Accounts:0:Regions:0", "us-east-1")))
            .GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;
        const string Arn = "arn:aws:ecs:us-east-1:111122223333:cluster/prod";

        var byName = await ecs.ListTasksAsync(new EcsTaskListQuery("prod") { ServiceName = "api", DesiredStatus = "RUNNING" }, CancellationToken.None);
        var byArn = await ecs.ListTasksAsync(new EcsTaskListQuery(Arn) { ServiceName = "api", DesiredStatus = "RUNNING" }, CancellationToken.None);
        await ecs.DescribeServiceAsync("prod", "api", CancellationToken.None);
        await ecs.DescribeServiceAsync(Arn, "api", CancellationToken.None);
        await ecs.ListTasksAsync(new EcsTaskListQuery("staging") { ServiceName = "api", DesiredStatus = "RUNNING" }, CancellationToken.None);

        Assert.Equal(byName.Value, byArn.Value);
        Assert.Equal(["ListTasks", "DescribeServices", "ListTasks"], _server.Requests.Select(r => r.Target![(r.Target!.IndexOf('.', StringComparison.Ordinal) + 1)..]));
    }

    private IEcsEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;
    }
}
