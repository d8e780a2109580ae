using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 1: the service's subnet has no free IP addresses left, so Fargate cannot attach the task's ENI and the
/// task sits in PROVISIONING; an earlier task already gave up with an ENI timeout. Routes (NAT) are fine.
/// </summary>
internal sealed class TaskStuckProvisioning : ICatalogueEntry
{
    public const string Name = "p01-task-stuck-provisioning";

    public SandboxScenario Seed(SeedContext context)
    {
        var subnet = NetworkSeeds.Subnet(context, "prod-batch-a", ProdLandscape.VpcId, "10.0.64.0/24", context.Zone('a'), freeIps: 0);
        NetworkSeeds.RouteTable(context, "prod-batch", ProdLandscape.VpcId, [subnet.SubnetId], new Ec2Route("0.0.0.0/0", NatGatewayId: SeedContext.AwsId("nat", "prod-a")));

        var definition = EcsSeeds.TaskDefinition(context, "ledger-sync", 7, cpu: "512", memory: "1024",
            EcsSeeds.Container("sync", EcsSeeds.Image(context, "ledger-sync", "1.14.2"), memory: 1024, containerPort: 0));
        var cluster = ProdLandscape.Cluster(context);
        EcsServiceSeeds.Service(context, cluster, "ledger-sync", definition, desiredCount: 2, s => s with
        {
            RunningCount = 0,
            PendingCount = 1,
            NetworkConfiguration = new(new([subnet.SubnetId], [ProdLandscape.AppSecurityGroup])),
            Deployments = [s.Deployments[0] with { RunningCount = 0, PendingCount = 1, FailedTasks = 1, RolloutState = "IN_PROGRESS", RolloutStateReason = null, NetworkConfiguration = new(new([subnet.SubnetId], [ProdLandscape.AppSecurityGroup])) }],
        });

        var earlier = TaskLife.Stopped(context, "ledger-sync", "TaskFailedToStart", "Timeout waiting for network interface provisioning to complete.", stoppedMinutesAgo: 26) with { StartedAt = null };
        EcsSeeds.FargateTask(context, cluster, Name + "/earlier", definition, earlier, c => c with { LastStatus = "STOPPED", ExitCode = null }, subnet.SubnetId);

        var stuck = TaskLife.Running(context, "ledger-sync", minutesAgo: 14) with { StartedAt = null, LastStatus = "PROVISIONING" };
        var task = EcsSeeds.FargateTask(context, cluster, Name, definition, stuck, c => c with { LastStatus = "PENDING" }, subnet.SubnetId);

        return new SandboxScenario(Name, 1, task.TaskArn,
            "Task of service ledger-sync in PROVISIONING for 14 minutes: its subnet prod-batch-a has 0 free IP addresses; an earlier task timed out attaching its ENI.");
    }
}
