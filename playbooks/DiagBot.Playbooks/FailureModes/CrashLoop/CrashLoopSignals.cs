using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 8: the container starts and exits non-zero, again and again (CrashLoopBackOff, circuit breaker).</summary>
internal static partial class CrashLoopSignals
{
    private const int Playbook = CrashLoop.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the service's stopped tasks and their exit codes (aws ecs list-tasks --desired-status STOPPED, then describe-tasks), or the pod's restart count";

    // Issue 19: how engineers tell a crash loop without its name. Weighed below the words ECS and Kubernetes use.
    private static readonly SignalRule StartsThenDies = SignalRule.AnyOf(Playbook, 0.7,
        "the tasks start and die within seconds, again and again, in an engineer's words",
        Phrase.Of("starts, then dies", @"\b(starts?|started|get started|gets started)\b[^.]{0,30}\bthen\b[^.]{0,25}"
            + @"\b(die|dies|died|stop|stops|stopped|crash\w*|get terminated|gets terminated|terminated|exits?|exited)\b"),
        Phrase.Of("runs for seconds, then stops", @"\b(runs?|running|ran) for (a few|a couple of|\d+) (seconds|secs)\b.{0,12}"
            + @"\b(then|and)\b.{0,12}\b(die|dies|stop|stops|exits?|crash\w*)"),
        Phrase.Of("killed right after start", @"\b(terminated|killed|stopped|exited|dies|died) (immediately|right away|instantly)\b"),
        Phrase.Of("keeps dying", @"\bkeeps? (on )?(dying|crashing|cycling|restarting)\b"));

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.95, CrashLoopWords(), "the container keeps crashing and is restarted with back-off"),
        StartsThenDies,
        new(Playbook, 0.85, ServiceCannotStartTasks(), "the service cannot keep its tasks running (repeated failed starts / circuit breaker)"),
        new(Playbook, 0.75, EssentialContainerExited(), "an essential container exited with a non-zero code")
        {
            WhenExitCode = code => code is not null and not 0 and not ExitCodes.SigKill and not ExitCodes.SigTerm,
        },
        new(Playbook, 0.45, EssentialContainerExited(), "an essential container exited (exit code unknown: 0 would be a finished job)")
        {
            WhenExitCode = code => code is null,
        },
        new(Playbook, 0.25, EssentialContainerExited(), "an essential container exited with 137") { WhenExitCode = code => code == ExitCodes.SigKill },
        new(Playbook, 0.7, ContainerHealthCheckFailed(), "the container's own health check fails, so ECS keeps replacing the task"),
        new(Playbook, 0.6, StartFailure(), "the container process cannot start (entrypoint or command)"),
        new(Playbook, 0.45, NonZeroExitWords(), "a non-zero exit code is named") { OnlyIn = Fields.Free },
        new(Playbook, 0.5, ErrorPhase(), "the pod's container terminated in error") { OnlyIn = Fields.PodStatus },
        new(Playbook, 0.35, CannotStart(), "CannotStartContainerError: the container could not start"),
        new(Playbook, 0.3, null, "the container exited with a non-zero code")
        {
            WhenExitCode = code => code is not null and not 0 and not ExitCodes.SigKill and not ExitCodes.SigTerm,
        },
        new(Playbook, 0.8, StartsAndDies(), "the tasks or pods start and die again and again, in an engineer's words"), // the loop, said plainly
    ];

    [GeneratedRegex(@"crashloopbackoff|crash ?loop|back-?off restarting failed container|restarting failed container|keeps? (restarting|crashing)|restart(ing)? (loop|over and over|repeatedly)|liveness probe failed|failed liveness probe", RegexOptions.CultureInvariant)]
    private static partial Regex CrashLoopWords();

    [GeneratedRegex(@"unable to consistently start tasks|service_task_start_impaired|daemon_task_start_impaired|task_failed_to_run|service_deployment_failed|circuit ?breaker|tasks failed to start|deployment failed|rolling back to deployment|rolled back to deployment", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceCannotStartTasks();

    [GeneratedRegex(@"essential ?container ?(in task )?exited", RegexOptions.CultureInvariant)]
    private static partial Regex EssentialContainerExited();

    [GeneratedRegex(@"(failed|failing|fail) container health ?checks?|container health ?checks? (fail|are failing)|container is unhealthy", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerHealthCheckFailed();

    [GeneratedRegex(@"executable file not found in \$path|starting container process caused|unable to start container process|error during container init|runc create failed|no such file or directory.{0,40}(entrypoint|exec)|error: failed to start container", RegexOptions.CultureInvariant)]
    private static partial Regex StartFailure();

    [GeneratedRegex(@"exit(ed|s)? (with )?(code|status)\W{0,3}(1|2|126|127|139|255)\b|exit code (1|2|126|127|139|255)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NonZeroExitWords();

    [GeneratedRegex(@"^(error|terminated)$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPhase();

    [GeneratedRegex(@"cannotstartcontainer", RegexOptions.CultureInvariant)]
    private static partial Regex CannotStart();

    [GeneratedRegex(@"(started|starting|start) and (then )?(fail|die|crash|stop)\w*|keeps? getting (started|restarted)|stops it and (then )?restart|restart\w* (again( and)? again|over and over|every)|start and die|die within seconds", RegexOptions.CultureInvariant)]
    private static partial Regex StartsAndDies();
}
