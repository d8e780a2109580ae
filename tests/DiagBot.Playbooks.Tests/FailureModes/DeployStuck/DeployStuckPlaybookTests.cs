using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Services;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class DeployStuckPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p12-deploy-stuck";
    private const string Prefix = "arn:aws:ecs:us-east-1:111122223333";
    private const string InstanceId = "0c1d2e3f405162738495a6b7c8d9e0f1";
    private readonly ScriptedEvidence _evidence = new();

    [Fact]
    public async Task Diagnose_SeededStuckDeployment_ConfirmsNoSpareCapacityFirstWithRealIds()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((DeployStuck.Number, VerdictStatus.Confirmed, DeployStuckPlaybook.NoSpareCapacitySubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("minimumHealthyPercent 100", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("3072 MiB", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("--cluster prod-ec2 --container-instances ", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Fix, step => step.Contains("--cluster prod-ec2 --service search-indexer", StringComparison.Ordinal));
        Assert.Equal(2, first.Evidence.Count(item => item.Source == "ecs:DescribeContainerInstances"));
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Diagnose_SeededStuckDeployment_ChartsEachPlacementFailureAndTheNewDeploymentsZeroTasks()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var chart = Assert.Single(report.Verdicts[0].Charts);
        Assert.Equal("task-timeline", chart.Kind);
        Assert.Equal(
            "Service search-indexer: deployment in progress for 95 minutes, ECS could not place a task 4 times; 0 of 2 new tasks running", chart.Title);
        Assert.Equal(4, chart.Series.Single(s => s.Name == "could not place a task (service event)").Points.Count);
        Assert.Equal(0, chart.Series.Single(s => s.Name.StartsWith("running now in deployment ", StringComparison.Ordinal)).Points.Single().Value);
        Assert.Equal(2, chart.Series.Single(s => s.Name == "running now").Points.Single().Value);
        Assert.Contains(chart.Markers, m => m.Label == "deployment ecs-svc/4719302846651023981 started");
    }

    [Theory]
    [InlineData("service orders-api in prod")]
    [InlineData("service inventory-sync in prod")]
    public async Task Investigate_HealthyService_IsRuledOut(string subject)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceContextAsync(subject), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_CrashLoopWithLongDeployment_IsRuledOutAsNotPlacement()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ScenarioContextAsync("p08-crash-loop"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("failed tasks", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ecs", "DescribeContainerInstances")]
    [InlineData("ecs", "DescribeTaskDefinition")]
    [InlineData("ecs", "ListTasks")]
    [InlineData("ecs", "DescribeTasks")]
    public async Task Investigate_SourceDenied_IsLikelyAndNamesTheGap(string service, string operation)
    {
        await sandbox.WithDeniedAsync(service, operation, async () =>
        {
            var verdict = await CreateSut().InvestigateAsync(await sandbox.ScenarioContextAsync(Scenario), CancellationToken.None);

            Assert.Equal((VerdictStatus.Likely, DeployStuckPlaybook.NoSpareCapacitySubCause), (verdict.Status, verdict.SubCause));
            SandboxServiceContexts.AssertNamesGap(verdict.Missing, operation);
            Assert.Contains("--cluster prod-ec2", verdict.Confirm, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Investigate_PortAlreadyInUseWithBridgeHostPort_IsPortConflict()
    {
        var context = Seed("The closest matching (container-instance " + InstanceId + ") is already using a port required by your task.", networkMode: "bridge", hostPort: 80);

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, DeployStuckPlaybook.PortConflictSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("host port 80", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NoContainerInstancesInCluster_IsNoContainerInstances()
    {
        var context = Seed("Reason: No Container Instances were found in your cluster.");

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, DeployStuckPlaybook.NoContainerInstancesSubCause), (verdict.Status, verdict.SubCause));
        Assert.Equal("aws ecs list-container-instances --region us-east-1 --cluster batch --status ACTIVE", verdict.Confirm);
    }

    [Fact]
    public async Task Investigate_AgentDisconnectedOnClosestInstance_IsNoContainerInstances()
    {
        var context = Seed("The closest matching (container-instance " + InstanceId + ") encountered error \"AGENT\".", agentConnected: false);

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, DeployStuckPlaybook.NoContainerInstancesSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("i-0123456789abcdef0", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_MinimumAndMaximumLeaveNoRoom_IsDeploymentConfiguration()
    {
        var context = Seed(null, message: "(service api) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, DeployStuckPlaybook.DeploymentConfigurationSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_FargateTaskQuotaReached_IsLikelyPlacementRefused()
    {
        var context = Seed(null, message: "(service api) was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently. For more information, see the Troubleshooting section.");

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Likely, DeployStuckPlaybook.PlacementRefusedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("limit on the number of tasks", verdict.RootCause, StringComparison.Ordinal);
    }

    private DiagnosisContext Seed(string? reason, string networkMode = "awsvpc", int? hostPort = null, bool agentConnected = true, string? message = null)
    {
        var definition = new EcsTaskDefinition
        {
            TaskDefinitionArn = $"{Prefix}:task-definition/api:9",
            Family = "api",
            Revision = 9,
            NetworkMode = networkMode,
            Cpu = "512",
            Memory = "1024",
            ContainerDefinitions = [new EcsContainerDefinition { Name = "api", PortMappings = [new EcsPortMapping(8080, hostPort, "tcp")] }],
        };
        _evidence.TaskDefinitions.Add(definition);
        _evidence.ContainerInstances.Add(new EcsContainerInstance
        {
            ContainerInstanceArn = $"{Prefix}:container-instance/batch/{InstanceId}",
            Ec2InstanceId = "i-0123456789abcdef0",
            Status = "ACTIVE",
            AgentConnected = agentConnected,
            RemainingResources = new Dictionary<string, int> { ["CPU"] = 4096, ["MEMORY"] = 8192 },
        });
        var now = DateTimeOffset.UtcNow;
        var service = new EcsService
        {
            ServiceArn = $"{Prefix}:service/batch/api",
            ServiceName = "api",
            ClusterArn = $"{Prefix}:cluster/batch",
            LaunchType = "EC2",
            MinimumHealthyPercent = 100,
            MaximumPercent = 100,
            Deployments = [new EcsDeployment("ecs-svc/1", "PRIMARY", definition.TaskDefinitionArn, 2, 0, 0, 0, "IN_PROGRESS", null, now.AddMinutes(-80), now.AddMinutes(-80))],
            Events = [new EcsServiceEvent("e1", now.AddMinutes(-5), message ?? $"(service api) was unable to place a task because no container instance met all of its requirements. {reason}")],
        };
        _evidence.Services.Add(service);
        return new DiagnosisContext(new ServiceSubject("service api in batch", "api", "batch"), _evidence, TimeProvider.System) { Service = service };
    }

    private static DeployStuckPlaybook CreateSut() => new();
}
