using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>A scheduled batch task that finished its work: "Essential container in task exited" with exit 0 is success, not a crash.</summary>
internal sealed class CrashLoopLookalikeBatchJob : ICatalogueEntry
{
    public const string Name = "lookalike-batch-exit-0";

    public SandboxScenario Seed(SeedContext context)
    {
        var definition = EcsSeeds.TaskDefinition(context, "nightly-export", 3, cpu: "1024", memory: "4096",
            EcsSeeds.Container("export", EcsSeeds.Image(context, "nightly-export", "2026.11.1"), memory: 4096, containerPort: 0));
        var life = TaskLife.Stopped(context, "nightly-export", "EssentialContainerExited", "Essential container in task exited", stoppedMinutesAgo: 40) with
        {
            Group = "family:nightly-export",
            StartedBy = "events-rule/nightly-export",
        };
        var task = EcsSeeds.FargateTask(context, ProdLandscape.Cluster(context), Name, definition, life, c => c with { ExitCode = 0 });
        EvidenceSeeds.Logs(context, "/ecs/export", EvidenceSeeds.StreamFor("export", task.TaskArn), 85,
            "export started for 2026-11-25", "wrote 1843221 rows to s3://acme-prod-exports/2026-11-25/", "export finished in 44m12s");

        return new SandboxScenario(Name, null, task.TaskArn,
            "Look-alike: scheduled nightly-export task stopped with EssentialContainerExited and exit 0 after finishing its work.");
    }
}
