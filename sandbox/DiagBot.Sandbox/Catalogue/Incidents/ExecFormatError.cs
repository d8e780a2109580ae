using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 14: the task definition asks for ARM64 (Graviton) but the image was built for amd64 only, so the
/// entrypoint fails with "exec format error" as soon as the container starts.
/// </summary>
internal sealed class ExecFormatError : ICatalogueEntry
{
    public const string Name = "p14-exec-format-error";
    private const string ServiceName = "pdf-renderer";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, ServiceName, 5, cpu: "1024", memory: "2048",
            EcsSeeds.Container("renderer", EcsSeeds.Image(context, ServiceName, "1.8.0-amd64"), memory: 2048)) with
        {
            RuntimePlatform = new EcsRuntimePlatform("ARM64"),
        };
        context.World.Ecs.Add(definition);

        var life = TaskLife.Stopped(context, ServiceName, "EssentialContainerExited", "Essential container in task exited", stoppedMinutesAgo: 8);
        EcsServiceSeeds.Service(context, ProdLandscape.Cluster(context), ServiceName, definition, desiredCount: 1, s => s with
        {
            RunningCount = 0,
            Deployments = [s.Deployments[0] with { RunningCount = 0, FailedTasks = 4, RolloutState = "IN_PROGRESS", RolloutStateReason = null }],
        });
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life, c => c with { ExitCode = 255 },
            adjustTask: t => t with { Attributes = [new EcsAttribute("ecs.cpu-architecture", "arm64")] });
        EvidenceSeeds.Logs(context, "/ecs/renderer", EvidenceSeeds.StreamFor("renderer", task.TaskArn), 9,
            "exec /usr/local/bin/docker-entrypoint.sh: exec format error");

        return new SandboxScenario(Name, 14, task.TaskArn,
            "Task of pdf-renderer exited at start with \"exec format error\": runtimePlatform ARM64 while the image pdf-renderer:1.8.0-amd64 is amd64-only.");
    }
}
