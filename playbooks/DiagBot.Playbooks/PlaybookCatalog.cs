using DiagBot.Playbooks.FailureModes;

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
        new Alb503NoTargetsPlaybook(),
        new TargetsUnhealthyPlaybook(),
        new TaskOutOfMemoryPlaybook(),
        new CrashLoopPlaybook(),
        new EksPodsPendingPlaybook(),
        new EksPodsContainerCreatingPlaybook(),
        new SpotInterruptionPlaybook(),
        new DeployStuckPlaybook(),
        new Alb504TimeoutPlaybook(),
        new ExecFormatErrorPlaybook(),
        new EcsExecFailsPlaybook(),
    ];
}
