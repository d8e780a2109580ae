using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

// Playbook 15: ECS Exec or kubectl exec cannot open a session into a running container.
internal static partial class EcsExecFailsSignals
{
    public const int Playbook = 15;

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.93, EcsExec(), "ECS Exec (execute-command) cannot open a session: enableExecuteCommand, the ExecuteCommandAgent, ssmmessages or the task role's SSM permissions"),
        new(Playbook, 0.9, KubectlExec(), "kubectl exec cannot open a session into the container"),
    ];

    [GeneratedRegex(@"executecommand|execute[- ]command|ecs exec\b|targetnotconnected|sessionmanagerplugin is not found|session ?manager ?plugin (is )?not (found|installed)|ssmmessages|executecommandagent", RegexOptions.CultureInvariant)]
    private static partial Regex EcsExec();

    [GeneratedRegex(@"kubectl exec|unable to upgrade connection|error dialing backend|pods/exec|error executing command in container|oci runtime exec failed|exec into (the |a )?(pod|container)|exec to pod|exec(ing)? into pods?", RegexOptions.CultureInvariant)]
    private static partial Regex KubectlExec();
}
