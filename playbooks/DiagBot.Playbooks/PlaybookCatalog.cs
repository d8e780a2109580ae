using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks;

/// <summary>Every playbook, in one visible list, in the order of docs/architecture.md's table. A convention test fails when one is missing here.</summary>
public static class PlaybookCatalog
{
    public static IReadOnlyList<IPlaybook> Create() =>
    [
        new TaskStuckProvisioningPlaybook(),
        new CannotPullContainerPlaybook(),
        new SecretsPullFailedPlaybook(),
        new AppAccessDeniedPlaybook(),
        new AlbNoTargetsPlaybook(),
        new TargetsUnhealthyPlaybook(),
        new TaskOutOfMemoryPlaybook(),
        new CrashLoopPlaybook(),
        new PodPendingPlaybook(),
        new PodContainerCreatingPlaybook(),
        new SpotInterruptionPlaybook(),
        new DeployStuckPlaybook(),
        new AlbGatewayTimeoutPlaybook(),
        new ExecFormatErrorPlaybook(),
        new EcsExecFailsPlaybook(),
    ];
}
