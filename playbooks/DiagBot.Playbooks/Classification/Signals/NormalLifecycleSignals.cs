using System.Text.RegularExpressions;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": messages of a healthy lifecycle. A finished batch job, a user's stop, a scale-in or a deployment
/// replacing tasks is not a failure, and saying so matters as much as naming one.
/// </summary>
internal static partial class NormalLifecycleSignals
{
    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(null, 0.92, EssentialContainerExited(), "an essential container exited with code 0: a job that finished, not a failure")
        {
            WhenExitCode = code => code == 0,
            Settles = Playbooks(CrashLoop.Number),
        },
        new(null, 0.9, StoppedOnPurpose(), "the task was stopped on purpose (user, scale-in or a deployment replacing it); an exit 137 here is the SIGKILL after the stop timeout, not memory")
        {
            ExplainsAway = Playbooks(TaskOutOfMemory.Number, CrashLoop.Number, SpotInterruption.Number),

            // Playbook 7 keeps its look: a deliberate stop's exit 137 is worth saying was not memory.
            Settles = Playbooks(CrashLoop.Number, SpotInterruption.Number),
        },
        new(null, 0.88, ServiceProgress(), "a routine service event (steady state, tasks started or stopped, targets registered, scaling)"),
        new(null, 0.85, ServiceActionInfoEvent(), "an INFO-level ECS service action or deployment event"),
        new(null, 0.9, TargetHealthInProgress(), "the target is registering, draining or in its initial health checks; not a failure"),
        new(null, 0.9, HealthyOrTransitionalState(), "the target state is not a failure") { OnlyIn = Fields.TargetHealth },
        new(null, 0.8, KubernetesNormalEvent(), "a normal Kubernetes lifecycle event (scheduled, pulling, created, started, scaled)") { NotIn = Fields.Symptom },
        new(null, 0.9, HealthyPodPhase(), "the pod phase is not a failure") { OnlyIn = Fields.PodStatus },
        new(null, 0.75, AgentInformational(), "an informational agent or tool log line")
        {
            OnlyIn = Fields.Of(EvidenceField.Log, EvidenceField.ServiceEvent, EvidenceField.SymptomText),
            ExplainsAway = Playbooks(EcsExecFails.Number),
        },
        new(null, 0.35, null, "exit code 0: the container finished normally") { WhenExitCode = code => code == 0 },
        new(null, 0.5, null, "exit code 143: the container stopped on SIGTERM, as a graceful stop does") { WhenExitCode = code => code == ExitCodes.SigTerm },
    ];

    private static HashSet<int> Playbooks(params int[] playbooks) => [.. playbooks];

    [GeneratedRegex(@"essential ?container ?(in task )?exited", RegexOptions.CultureInvariant)]
    private static partial Regex EssentialContainerExited();

    [GeneratedRegex(@"stopped by user|forced by user|user-initiated termination|terminated-by-user|terminated by user|performing maintenance on the underlying infrastructure|task stopped by|userinitiated|user initiated|scaling activity initiated by|servicescheduleriniti|service scheduler initiated|deployment .{0,60}replac\w* (the )?tasks?|scale-?in|scaling event triggered|underlying infrastructure maintenance", RegexOptions.CultureInvariant)]
    private static partial Regex StoppedOnPurpose();

    [GeneratedRegex(@"has reached a steady state|has started \d+ tasks?|has stopped \d+ running tasks?|(de)?registered \d+ targets? in|has begun draining connections|deployment \S* ?(has )?completed|deployment completed|successfully set desired count|change successfully fulfilled|updated computeddesiredcount", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceProgress();

    [GeneratedRegex(@"\b(service_steady_state|taskset_steady_state|capacity_provider_steady_state|service_desired_count_updated|tasks_stopped|service_deployment_in_progress|service_deployment_completed)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceActionInfoEvent();

    [GeneratedRegex(@"elb\.registrationinprogress|elb\.initialhealthchecking|target\.deregistrationinprogress|target\.healthcheckdisabled|registration is in progress|initial health checks in progress|deregistration is in progress|health checks are disabled", RegexOptions.CultureInvariant)]
    private static partial Regex TargetHealthInProgress();

    [GeneratedRegex(@"^(healthy|initial|draining|unavailable)$", RegexOptions.CultureInvariant)]
    private static partial Regex HealthyOrTransitionalState();

    [GeneratedRegex(@"successfully assigned|(?<!back-?off )pulling image|successfully pulled image|already present on machine|^created pod:|created container|started container|stopping container|scaled (up|down) replica set|triggered scale-up|successfully enabled logging|^(killing|sandboxchanged)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KubernetesNormalEvent();

    [GeneratedRegex(@"^(running|succeeded|completed)$", RegexOptions.CultureInvariant)]
    private static partial Regex HealthyPodPhase();

    [GeneratedRegex(@"found (execution|application) credentials|setting task execution credentials|applying execution role credentials|adding eni attachment info|log group \S+ exists|updated the ecs service with a new task definition|replaced with new ones|managed task|task engine: |session manager plugin was installed successfully", RegexOptions.CultureInvariant)]
    private static partial Regex AgentInformational();
}
