using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 12: a deployment that cannot make progress because ECS cannot place tasks (capacity, ports,
/// agent disconnected, quotas) or the deployment configuration leaves no room to start or stop any.
/// </summary>
internal static partial class DeployStuckSignals
{
    private const int Playbook = DeployStuck.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the service's deployments and latest events (aws ecs describe-services --query 'services[0].[deployments,events[0:5]]')";

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.92, UnableToPlace(), "ECS cannot place a task: no container instance meets its requirements"),
        new(Playbook, 0.9, DeploymentConfiguration(), "the deployment configuration (minimumHealthyPercent / maximumPercent) leaves no room to replace tasks"),
        new(Playbook, 0.85, ScaleInBlocked(), "task protection or a steady-state failure blocks the service"), // ECS's own reason; quotas are outside the fifteen
        new(Playbook, 0.75, DeploymentStuckWords(), "the deployment does not complete"),
        new(Playbook, 0.55, Throttled(), "the service's operations are throttled"),
        new(Playbook, 0.8, StuckInWords(), "the deployment waits for room it never gets, in an engineer's words"), // the stuck rollout, said plainly
    ];

    [GeneratedRegex(@"unable to place (a )?tasks?|service_task_placement_failure|task_creation_failed|service_daemon_placement_constraint_violated|no container instances? met all of its requirements|closest matching \(?container[- ]?instance|has insufficient (cpu units|memory|gpu)|already using a port required|no container instances were found|not enough (cpu|memory|ports)|eni attachment points", RegexOptions.CultureInvariant)]
    private static partial Regex UnableToPlace();

    [GeneratedRegex(@"unable to stop or start tasks during a deployment|minimumhealthypercent|maximumpercent|minimum healthy percent", RegexOptions.CultureInvariant)]
    private static partial Regex DeploymentConfiguration();

    [GeneratedRegex(@"unable to reach steady state|protected tasks", RegexOptions.CultureInvariant)]
    private static partial Regex ScaleInBlocked();

    [GeneratedRegex(@"deploy\w*.{0,40}(stuck|hang|hung|not complet|n'?t complet|never complet|times? out|timed out|in_progress|in progress for)|rolloutstate.{0,20}in_progress|(stuck|hang\w*|hung).{0,20}deploy|(update|updating|rolling out) .{0,30}service.{0,20}(times? out|timed out|stuck)", RegexOptions.CultureInvariant)]
    private static partial Regex DeploymentStuckWords();


    [GeneratedRegex(@"operations are being throttled|ecs_operation_throttled", RegexOptions.CultureInvariant)]
    private static partial Regex Throttled();

    [GeneratedRegex(@"not in the state servicesstable|unable to place (a )?container|(waiting|wait) for (an open|a free|an available) instance|\btwo deployments\b.{0,300}(forever|stays|stuck)|(port|ports) .{0,20}already (being )?in use", RegexOptions.CultureInvariant)]
    private static partial Regex StuckInWords();
}
