using DiagBot.Sandbox.Catalogue.Healthy;
using DiagBot.Sandbox.Catalogue.Incidents;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Lookalikes;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue;

// The one visible list of seeded scenarios: incidents by failure mode, then healthy resources, then look-alikes.
// Order matters only where a later entry reuses an earlier one's task definition.
internal static class ScenarioCatalogue
{
    public static IReadOnlyList<ICatalogueEntry> Entries { get; } =
    [
        new P01TaskStuckProvisioning(),
        new P02CannotPullImage(),
        new P03SecretsPullFailed(),
        new P04AppAccessDenied(),
        new P05AlbServiceUnavailable(),
        new P06TargetsUnhealthy(),
        new P07TaskOutOfMemory(),
        new P08CrashLoop(),
        new P09PodPending(),
        new P10PodContainerCreating(),
        new P11SpotInterruption(),
        new P12DeploymentStuck(),
        new P13AlbGatewayTimeout(),
        new P14ExecFormatError(),
        new P15EcsExecFails(),
        new P07PodOutOfMemory(),
        new P08PodCrashLoop(),
        new P15KubectlExecFails(),
        new HealthyOrdersApi(),
        new HealthyInventorySync(),
        new HealthyShopWebPod(),
        new BatchJobExitZero(),
        new UserInitiatedStop(),
        new ServiceScaleIn(),
        new StopTimeoutSigKill(),
        new PodJustScheduled(),
        new PodLivenessRestart137(),
    ];

    public static IReadOnlyList<SandboxScenario> Seed(SeedContext context)
    {
        ProdLandscape.Seed(context);
        EksLandscape.Seed(context);
        return [.. Entries.Select(entry => entry.Seed(context))];
    }
}
