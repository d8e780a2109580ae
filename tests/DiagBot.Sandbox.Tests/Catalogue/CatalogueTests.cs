using System.Net;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Catalogue;

[Collection(SandboxReads.Name)]
public sealed class CatalogueTests(SandboxFixture fixture)
{
    private static readonly HttpClient _http = new();

    [Fact]
    public void Scenarios_EveryFailureMode_HasAnIncident()
    {
        var playbooks = fixture.Server.Scenarios.Where(s => s.Playbook is not null).Select(s => s.Playbook!.Value).ToHashSet();

        // Numbered from 1 without a gap; that each of the playbooks' modes has its incident is checked on the playbooks' side.
        Assert.Equal(Enumerable.Range(1, playbooks.Count), playbooks.Order());
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
        // "pod ns/name" alone, or among the engineer's words ("kubectl exec fails on pod ns/name with ...").
        var pods = fixture.Server.Scenarios
            .Select(s => System.Text.RegularExpressions.Regex.Match(s.Subject, @"\bpod (?<ns>[a-z0-9-]+)/(?<name>[a-z0-9.-]+)"))
            .Where(m => m.Success)
            .ToList();
        Assert.True(pods.Count >= 8, $"only {pods.Count} pod subjects");
        foreach (var pod in pods)
        {
            using var response = await _http.GetAsync(new Uri(fixture.Server.BaseAddress, $"api/v1/namespaces/{pod.Groups["ns"].Value}/pods/{pod.Groups["name"].Value}"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pod.Value}: {response.StatusCode}");
        }
    }
}
