using DiagBot.Diagnostics.Aws;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Diagnosis;

/// <summary>
/// A target group named without its ARN may live in any configured account and region: each is asked, the one
/// that has it is diagnosed, and two that have it are told apart only by the engineer giving the ARN.
/// </summary>
public sealed class AccountScopesTests
{
    private const string OtherAccount = "444455556666";
    private const string OtherRegion = "us-west-2";
    private static readonly AwsScope Other = new(OtherAccount, OtherRegion);

    [Fact]
    public async Task Diagnose_TargetGroupOnlyInAnotherConfiguredAccount_IsFoundThereWithItsService()
    {
        var world = LoadBalancedWorld.Create();
        MoveToOtherAccount(world);
        world.Scopes = [AwsScope.Default, Other];

        var said = new SaidProgress();

        var report = await DiagnoseAsync(world, "tg web-tg", said);

        Assert.Null(report.SubjectProblem);
        Assert.Contains("Target group web-tg is used by service web", said.Lines);
    }

    [Fact]
    public async Task Diagnose_TargetGroupNameInTwoAccounts_AsksForTheArnOfEach()
    {
        var world = LoadBalancedWorld.Create();
        world.TargetGroups.Add(world.TargetGroups[0] with { TargetGroupArn = OtherArn(LoadBalancedWorld.TargetGroupArn) });
        world.Scopes = [AwsScope.Default, Other];

        var report = await DiagnoseAsync(world, "tg web-tg");

        Assert.Contains("exists in 2 places", report.SubjectProblem, StringComparison.Ordinal);
        Assert.Contains(LoadBalancedWorld.TargetGroupArn, report.SubjectProblem, StringComparison.Ordinal);
        Assert.Contains(OtherArn(LoadBalancedWorld.TargetGroupArn), report.SubjectProblem, StringComparison.Ordinal);
        Assert.Empty(report.Verdicts);
    }

    [Fact]
    public async Task Diagnose_TargetGroupInNoConfiguredAccount_SaysWhereItLooked()
    {
        var world = LoadBalancedWorld.Create();
        world.Scopes = [AwsScope.Default, Other];

        var report = await DiagnoseAsync(world, "tg no-such-tg");

        Assert.Contains($"not found in the 2 configured accounts and regions (the default account and region, {OtherAccount}/{OtherRegion})", report.SubjectProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_EcsDeploymentOfAServiceInAnotherAccount_IsFoundThere()
    {
        var world = LoadBalancedWorld.Create();
        MoveToOtherAccount(world);
        LoadBalancedWorld.Replace(world.Services, s => s with { Deployments = [new Diagnostics.Ecs.EcsDeployment("ecs-svc/1234567890123456789", "PRIMARY", s.TaskDefinition, 2, 2, 0, 0, "COMPLETED", null, null, null)] });
        world.Scopes = [AwsScope.Default, Other];

        var said = new SaidProgress();

        var report = await DiagnoseAsync(world, "deployment ecs-svc/1234567890123456789", said);

        Assert.Null(report.SubjectProblem);
        Assert.Contains("ECS deployment ecs-svc/1234567890123456789 belongs to service web", said.Lines);
    }

    private static void MoveToOtherAccount(FakeLoadBalancerEvidence world)
    {
        LoadBalancedWorld.Replace(world.TargetGroups, g => g with { TargetGroupArn = OtherArn(g.TargetGroupArn) });
        LoadBalancedWorld.Replace(world.Services, s => s with
        {
            ServiceArn = OtherArn(s.ServiceArn),
            ClusterArn = OtherArn(s.ClusterArn!),
            LoadBalancers = [.. s.LoadBalancers.Select(b => b with { TargetGroupArn = OtherArn(b.TargetGroupArn!) })],
        });
        world.Health[OtherArn(LoadBalancedWorld.TargetGroupArn)] = world.Health[LoadBalancedWorld.TargetGroupArn];
    }

    private static string OtherArn(string arn) => arn.Replace($":{LoadBalancedWorld.Region}:111122223333:", $":{OtherRegion}:{OtherAccount}:", StringComparison.Ordinal);

    private static Task<DiagnosisReport> DiagnoseAsync(FakeLoadBalancerEvidence world, string text, IProgress<string>? progress = null) =>
        new Diagnoser(world, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System)
            .DiagnoseAsync(SubjectParser.Parse(text).Subject!, progress, CancellationToken.None);

    /// <summary>What the diagnosis tells the channel it is doing, kept in order.</summary>
    private sealed class SaidProgress : IProgress<string>
    {
        public List<string> Lines { get; } = [];

        public void Report(string value) => Lines.Add(value);
    }
}
