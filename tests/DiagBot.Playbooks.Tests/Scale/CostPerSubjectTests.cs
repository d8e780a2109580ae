using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Scale;

/// <summary>
/// Issue 22: a diagnosis costs the same number of API calls (within 20 %) in the large account (3 accounts, 40
/// clusters, 2,000 services, 20,000 stopped tasks, 500 target groups) as in the small one, for every subject kind.
/// Counted at the sandbox, never timed.
/// </summary>
// Slow tier: its subject is scale itself, every diagnosis repeated against the large estate of 20,000 stopped tasks.
[Trait("Tier", "Slow")]
public sealed class CostPerSubjectTests(ScaleSandboxes accounts) : IClassFixture<ScaleSandboxes>
{
    [Theory]
    [InlineData("task", "p07-task-oom")]
    [InlineData("service", "p06-targets-unhealthy")]
    [InlineData("pod", "p09-pod-pending")]
    public async Task Diagnose_SeededIncident_CostsTheSameInTheLargeAccount(string kind, string scenario)
    {
        var subject = accounts.Small.Sandbox.Scenarios.Single(s => s.Name == scenario).Subject;

        await AssertSameCostAsync(kind, subject);
    }

    [Theory]
    [InlineData("target group", "tg catalog-api-tg")]
    [InlineData("deployment", "deployment shop/search-api")]
    public async Task Diagnose_ResourceSubject_CostsTheSameInTheLargeAccount(string kind, string subject) =>
        await AssertSameCostAsync(kind, subject);

    [Fact]
    public async Task Diagnose_EcsDeploymentId_IsFoundThroughItsTasksAtTheSameCost()
    {
        var service = await accounts.Small.Sessions.StartSession().Ecs.DescribeServiceAsync("prod", "catalog-api", CancellationToken.None);
        var id = service.Value!.Deployments[0].Id;

        var report = await AssertSameCostAsync("ECS deployment", $"deployment {id}");

        Assert.Contains(report.Verdicts, v => v.Status.IsFailureFound());
    }

    private async Task<Playbooks.Diagnosis.DiagnosisReport> AssertSameCostAsync(string kind, string subject)
    {
        var (small, smallReport) = await accounts.Small.CountAsync(subject);
        var (large, largeReport) = await accounts.Large.CountAsync(subject);

        Assert.True(smallReport.SubjectProblem is null, $"{kind} {subject}: {smallReport.SubjectProblem}");
        Assert.Equal(smallReport.Verdicts.Select(v => (v.Playbook, v.Status)), largeReport.Verdicts.Select(v => (v.Playbook, v.Status)));
        Assert.True(large <= small * 1.2 && large >= small * 0.8, $"{kind} `{subject}`: {small} API calls in the small account, {large} in the large one");
        return largeReport;
    }
}
