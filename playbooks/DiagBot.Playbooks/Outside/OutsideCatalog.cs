using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Outside;

/// <summary>Every recognised failure outside the failure modes, in one visible list: a new one is added here, not discovered.</summary>
internal static class OutsideCatalog
{
    public static IReadOnlyList<OutsideCause> All { get; } =
    [
        ServiceQuota.Cause,
        ApiRateLimit.Cause,
        FargateCapacityUnavailable.Cause,
        DeployerPermissionDenied.Cause,
        LogDriverSetup.Cause,
        VolumeMountFailed.Cause,
        ReadinessProbeAtStartup.Cause,
        AgentDisconnected.Cause,
        ImagePlatformWarning.Cause,
        LoadBalancer502.Cause,
        ClientSideHttpError.Cause,
        InvalidLaunchRequest.Cause,
        DockerThinPoolFull.Cause,
        TaskRoleNotAssumable.Cause,
        ContainerCommandFailed.Cause,
        NodePressureEviction.Cause,
        ContainerRuntimeUnresponsive.Cause,
        PodCgroupNotCreated.Cause,
        LoadBalancerControllerFailed.Cause,
        PodConfigMissing.Cause,
        NodeGroupUnhealthy.Cause,
        ClusterAccessDenied.Cause,
    ];

    public static IReadOnlyList<SignalRule> Rules { get; } = [.. All.SelectMany(cause => cause.Rules())];

    public static OutsideCause? Find(string name) => All.FirstOrDefault(cause => cause.Name == name);
}
