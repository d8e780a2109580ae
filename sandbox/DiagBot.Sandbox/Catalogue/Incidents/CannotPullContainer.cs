using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 2, kind "image or tag not found": the deploy points at a tag that was never pushed. The execution role
/// exists and ECR calls succeed in CloudTrail, and the private subnets route through a NAT gateway, so it is not auth or network.
/// </summary>
internal sealed class CannotPullContainer : ICatalogueEntry
{
    public const string Name = "p02-cannot-pull-image";

    public SandboxScenario Seed(SeedContext context)
    {
        var image = EcsSeeds.Image(context, "payments-api", "3.9.0");
        var definition = EcsSeeds.TaskDefinition(context, "payments-api", 42, cpu: "512", memory: "1024", EcsSeeds.Container("api", image, memory: 1024));
        var reason = $"CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref {image}: {image}: not found";
        var life = TaskLife.Stopped(context, "payments-api", "TaskFailedToStart", reason, stoppedMinutesAgo: 9) with { StartedAt = null };
        EcsServiceSeeds.Service(context, ProdLandscape.Cluster(context), "payments-api", definition, desiredCount: 1, s => s with
        {
            RunningCount = 0,
            Deployments = [s.Deployments[0] with { RunningCount = 0, FailedTasks = 4, RolloutState = "IN_PROGRESS", RolloutStateReason = null }],
        });
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life,
            c => c with { LastStatus = "STOPPED", ExitCode = null, Reason = reason });

        EvidenceSeeds.Trail(context, Name + "/auth", "ecr.amazonaws.com", "GetAuthorizationToken", "ecsTaskExecutionRole", EcsSeeds.TaskId(task), minutesAgo: 10);

        return new SandboxScenario(Name, 2, task.TaskArn,
            "Task of service payments-api failed to start: CannotPullContainerError, tag payments-api:3.9.0 not found in ECR (auth and network are fine).");
    }
}
