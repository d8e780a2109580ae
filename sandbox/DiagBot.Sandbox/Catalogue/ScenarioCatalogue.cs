using DiagBot.Sandbox.Catalogue.Healthy;
using DiagBot.Sandbox.Catalogue.Incidents;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Lookalikes;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue;

/// <summary>
/// The one visible list of seeded scenarios: incidents by failure mode, then healthy resources, then look-alikes.
/// Order matters only where a later entry reuses an earlier one's task definition.
/// </summary>
internal static class ScenarioCatalogue
{
    public static IReadOnlyList<ICatalogueEntry> Entries { get; } =
    [
        new TaskStuckProvisioning(),
        new CannotPullContainer(),
        new SecretsPullFailed(),
        new AppAccessDenied(),
        new Alb503NoTargets(),
        new TargetsUnhealthy(),
        new TaskOutOfMemory(),
        new CrashLoop(),
        new EksPodsPending(),
        new EksPodsContainerCreating(),
        new SpotInterruption(),
        new DeployStuck(),
        new Alb504Timeout(),
        new ExecFormatError(),
        new EcsExecFails(),
        new TaskOutOfMemoryOnEks(),
        new TaskOutOfMemoryWithoutReason(),
        new TaskOutOfMemoryServiceMetric(),
        new CrashLoopOnEks(),
        new EcsExecFailsOnEks(),
        new SpotInterruptionOnEks(),
        new EksPodsPendingOnFargate(),
        new EcsExecFailsOnEksKubeletPort(),
        new ExecFormatErrorOnEks(),
        new TargetsUnhealthyOnEks(),
        new TargetsUnhealthyOnEksNodeSecurityGroup(),
        new TargetsUnhealthyOnEksNodePort(),
        new TargetsUnhealthyOnEksPodSecurityGroup(),
        new Alb503NoTargetsOnEks(),
        new EksPodsContainerCreatingCniNotReady(),
        new CannotPullContainerOnEks(),
        new AppAccessDeniedOnEks(),
        new Alb504TimeoutOnEks(),
        new HealthyOrdersApi(),
        new HealthyInventorySync(),
        new HealthyShopWebPod(),
        new CrashLoopLookalikeBatchJob(),
        new CrashLoopLookalikeUserStop(),
        new CrashLoopLookalikeScaleIn(),
        new TaskOutOfMemoryLookalikeStopTimeout(),
        new EksPodsPendingLookalike(),
        new TaskOutOfMemoryLookalikeOnEks(),
        new SpotInterruptionLookalikeKarpenter(),
        new EksPodsPendingLookalikeFargateStarting(),
        new EcsExecFailsLookalikeKubeletBack(),
        new ExecFormatErrorLookalikeGraviton(),
        new TargetsUnhealthyLookalikeRollout(),
        new Alb503NoTargetsLookalikeRegistered(),
        new TaskStuckProvisioningLookalikeJustStarted(),
        new CannotPullContainerLookalikeFixedImage(),
        new SecretsPullFailedLookalikeLogGroup(),
        new AppAccessDeniedLookalikePassRole(),
        new Alb503NoTargetsLookalikeDraining(),
        new TargetsUnhealthyLookalikeInitial(),
        new EksPodsContainerCreatingLookalikeIpamdBack(),
        new DeployStuckLookalikeRolling(),
        new Alb504TimeoutLookalikeAppUpstream(),
        new CannotPullContainerLookalikeSlowPull(),
        new Alb504TimeoutLookalikeOnEks(),
        new TargetsUnhealthyLookalikeListenerPort(),
        new TargetsUnhealthyLookalikePodSecurityGroup(),
    ];

    public static IReadOnlyList<SandboxScenario> Seed(SeedContext context)
    {
        ProdLandscape.Seed(context);
        EksLandscape.Seed(context);
        IReadOnlyList<SandboxScenario> scenarios = [.. Entries.Select(entry => entry.Seed(context))];
        AwsNodeDaemonSet.Settle(context);
        return scenarios;
    }
}
