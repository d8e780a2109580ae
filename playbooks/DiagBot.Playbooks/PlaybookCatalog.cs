using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks;

/// <summary>Every playbook, in one visible list. A convention test fails when one is missing here.</summary>
public static class PlaybookCatalog
{
    public static IReadOnlyList<IPlaybook> Create() =>
    [
        new TaskOutOfMemoryPlaybook(),
        new TaskStuckProvisioningPlaybook(),
        new SpotInterruptionPlaybook(),
        new ExecFormatErrorPlaybook(),
        new CannotPullContainerPlaybook(),
        new SecretsPullFailedPlaybook(),
        new EcsExecFailsPlaybook(),
        new PodPendingPlaybook(),
        new PodContainerCreatingPlaybook(),
        new AlbNoTargetsPlaybook(),
        new TargetsUnhealthyPlaybook(),
        new AlbGatewayTimeoutPlaybook(),
        new AppAccessDeniedPlaybook(),
        new CrashLoopPlaybook(),
        new DeployStuckPlaybook(),
    ];
}
