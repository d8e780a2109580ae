using System.Text.RegularExpressions;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Classification.Signals;

// "none" for real failures that none of the fifteen playbooks owns: log-driver set-up, IAM trust or PassRole at
// launch, a full devmapper thin pool, an invalid task size. Naming them keeps their AccessDenied or "unable to"
// wording from being read as playbook 2, 3 or 4.
internal static partial class OutsideFifteenSignals
{
    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(null, 0.93, LogDriverSetup(), "a log-driver set-up failure (awslogs group, region, permissions or route to CloudWatch Logs): outside the fifteen playbooks")
        {
            // The AccessDenied, "unable to" and CannotStartContainerError wording inside is the log driver's, not the app's.
            ExplainsAway = new HashSet<int> { CannotPullContainerSignals.Playbook, SecretsPullFailedSignals.Playbook, AppAccessDeniedSignals.Playbook, CrashLoopSignals.Playbook },
        },
        new(null, 0.9, RoleCannotBeAssumed(), "ECS could not assume the task's role (trust policy or iam:PassRole): outside the fifteen playbooks")
        {
            ExplainsAway = new HashSet<int> { AppAccessDeniedSignals.Playbook },
        },
        new(null, 0.85, VolumeSetup(), "the task's volume (EFS, Docker volume) could not be created or mounted: outside the fifteen playbooks")
        {
            ExplainsAway = new HashSet<int> { SecretsPullFailedSignals.Playbook, CrashLoopSignals.Playbook },
        },
        new(null, 0.85, ThinPoolFull(), "the instance's Docker thin pool is full: outside the fifteen playbooks"),
        new(null, 0.85, InvalidTaskSize(), "the task definition's CPU/memory combination is invalid: outside the fifteen playbooks"),
    ];

    [GeneratedRegex(@"failed to initialize logging driver|failed to validate logger args|logging driver|log group does not exist|awslogs-(group|region|stream)|failed to create cloudwatch log (group|stream)", RegexOptions.CultureInvariant)]
    private static partial Regex LogDriverSetup();

    [GeneratedRegex(@"unable to assume (the )?(role|service linked role|configured ecs infrastructure role)|service linked role", RegexOptions.CultureInvariant)]
    private static partial Regex RoleCannotBeAssumed();

    [GeneratedRegex(@"efs utils|efs volumes?|\.efs\.|cannotcreatevolumeerror|failed to (create|mount) (the )?volume", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeSetup();

    [GeneratedRegex(@"thin pool|devmapper", RegexOptions.CultureInvariant)]
    private static partial Regex ThinPoolFull();

    [GeneratedRegex(@"invalid '?(cpu|memory)'? setting|no fargate configuration exists", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidTaskSize();
}
