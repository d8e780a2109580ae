using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Catalogue;

public sealed class CatalogueTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly HttpClient _http = new();

    [Fact]
    public void Scenarios_EveryFailureMode_HasAnIncident()
    {
        var playbooks = fixture.Server.Scenarios.Where(s => s.Playbook is not null).Select(s => s.Playbook!.Value).ToHashSet();

        Assert.Equal(Enumerable.Range(1, 15), playbooks.Order());
    }

    [Fact]
    public void Scenarios_Catalogue_HasHealthyResourcesAndFiveLookalikes()
    {
        var scenarios = fixture.Server.Scenarios;

        Assert.Equal(scenarios.Count, scenarios.Select(s => s.Name).Distinct().Count());
        Assert.True(scenarios.Count(s => s.Name.StartsWith("healthy-", StringComparison.Ordinal) && s.Playbook is null) >= 3);
        Assert.True(scenarios.Count(s => s.Name.StartsWith("lookalike-", StringComparison.Ordinal) && s.Playbook is null) >= 5);
        Assert.Contains(scenarios, s => s.Name == "p07-task-oom" && s.Playbook == 7);
        Assert.Contains(scenarios, s => s.Name == "lookalike-137-stop-timeout" && s.Playbook is null);
    }

    [Fact]
    public async Task Scenarios_EveryTaskSubject_IsDescribedByEcs()
    {
        foreach (var scenario in fixture.Server.Scenarios.Where(s => s.Subject.StartsWith("arn:aws:ecs:", StringComparison.Ordinal)))
        {
            Assert.Matches("^arn:aws:ecs:us-east-1:111122223333:task/[a-z0-9-]+/[0-9a-f]{32}$", scenario.Subject);
            var cluster = scenario.Subject.Split('/')[1];
            var reply = await fixture.CreateClient().JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.DescribeTasks", new { cluster, tasks = new[] { scenario.Subject } });
            Assert.Equal(1, reply.Json.GetProperty("tasks").GetArrayLength());
        }
    }

    [Fact]
    public async Task Scenarios_EveryServiceSubject_IsDescribedByEcs()
    {
        foreach (var scenario in fixture.Server.Scenarios.Where(s => s.Subject.StartsWith("service ", StringComparison.Ordinal)))
        {
            var words = scenario.Subject.Split(' ');
            var reply = await fixture.CreateClient().JsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.DescribeServices", new { cluster = words[3], services = new[] { words[1] } });
            Assert.Equal(1, reply.Json.GetProperty("services").GetArrayLength());
        }
    }

    [Fact]
    public async Task Scenarios_EveryPodSubject_IsServedByKubernetes()
    {
        foreach (var scenario in fixture.Server.Scenarios.Where(s => s.Subject.StartsWith("pod ", StringComparison.Ordinal)))
        {
            var parts = scenario.Subject[4..].Split('/');
            using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, $"api/v1/namespaces/{parts[0]}/pods/{parts[1]}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
