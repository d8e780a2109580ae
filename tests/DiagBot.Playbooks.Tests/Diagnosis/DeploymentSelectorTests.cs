using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Diagnosis;

public sealed class DeploymentSelectorTests
{
    [Fact]
    public async Task Diagnose_MatchExpressionsOnly_ListsPodsBySetBasedSelector()
    {
        var world = new FakeDeploymentWorld(Deployment([new("app", "In", ["search-api"]), new("track", "NotIn", ["canary"])]));

        var report = await CreateSut(world).DiagnoseAsync(Subject(), CancellationToken.None);

        Assert.Equal(["app in (search-api),track notin (canary)"], world.PodListSelectors);
        var gap = Assert.Single(report.TriageGaps);
        Assert.Equal(GapReason.NotFound, gap.Reason);
        Assert.Contains("has no pods matching app in (search-api),track notin (canary)", gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_EmptySelector_IsAGapAndListsNothing()
    {
        var world = new FakeDeploymentWorld(Deployment([], labels: []));

        var report = await CreateSut(world).DiagnoseAsync(Subject(), CancellationToken.None);

        Assert.Empty(world.PodListSelectors);
        var gap = Assert.Single(report.TriageGaps);
        Assert.Equal((GapReason.InvalidRequest, "list pods"), (gap.Reason, gap.Operation));
        Assert.Contains("deployment shop/search-api has an empty selector", gap.Detail, StringComparison.Ordinal);
        Assert.Contains("-o jsonpath='{.spec.selector}'", gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_UnknownOperator_IsAGapNamingIt()
    {
        var world = new FakeDeploymentWorld(Deployment([new("app", "In", ["search-api"]), new("shard", "Gt", ["3"])]));

        var report = await CreateSut(world).DiagnoseAsync(Subject(), CancellationToken.None);

        Assert.Empty(world.PodListSelectors);
        Assert.Contains("operator 'Gt' (on key 'shard'), which DiagBot does not evaluate", Assert.Single(report.TriageGaps).Detail, StringComparison.Ordinal);
    }

    private static KubeDeployment Deployment(IReadOnlyList<KubeLabelRequirement> expressions, Dictionary<string, string>? labels = null) => new()
    {
        Namespace = "shop",
        Name = "search-api",
        DesiredReplicas = 2,
        MatchLabels = labels ?? [],
        MatchExpressions = expressions,
    };

    private static DeploymentSubject Subject() => Assert.IsType<DeploymentSubject>(SubjectParser.Parse("deployment shop/search-api").Subject);

    private static Diagnoser CreateSut(FakeDeploymentWorld world) =>
        new(world, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System);
}
