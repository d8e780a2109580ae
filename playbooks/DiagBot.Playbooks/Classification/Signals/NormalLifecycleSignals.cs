using System.Text.RegularExpressions;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": messages of a healthy lifecycle. A finished batch job, a user's stop, a scale-in or a deployment
/// replacing tasks is not a failure, and saying so matters as much as naming one.
/// </summary>
internal static partial class NormalLifecycleSignals
{
    private static readonly Phrase[] StoppedOnPurpose =
    [
        Phrase.Of("stopped by a user", @"stopped by user|forced by user|user-initiated termination|terminated-by-user|terminated by user"),
        Phrase.Of("infrastructure maintenance", @"performing maintenance on the underlying infrastructure"),
        Phrase.Of("a stop with its initiator", @"task stopped by|userinitiated|user initiated|scaling activity initiated by"),
        Phrase.Of("stopped by the service scheduler", @"servicescheduleriniti|service scheduler initiated"),
        Phrase.Of("a deployment replaced the task", @"deployment .{0,60}replac\w* (the )?tasks?"),
        Phrase.Of("scale-in", @"scale-?in|scaling event triggered"),
        Phrase.Of("maintenance, in short", @"underlying infrastructure maintenance"),
        // Batch 12, aws/aws-for-fluent-bit#11: a sidecar "always exits with exit code 137 when the actual container in the task finishs",
        // the SIGKILL after the stop timeout once the essential container ended
        Phrase.Of("a sidecar's 137 when the task ends", @"\b137\b.{0,80}\bwhen (the )?(actual|main|essential|other|app) container\b.{0,40}"
            + @"\b(finish\w*|exits?|exited|stops?|stopped|ends?)\b"),
    ];

    private static readonly Phrase[] ServiceProgress =
    [
        Phrase.Of("steady state", @"has reached a steady state"),
        Phrase.Of("tasks started or stopped", @"has started \d+ tasks?|has stopped \d+ running tasks?"),
        Phrase.Of("targets registered or drained", @"(de)?registered \d+ targets? in|has begun draining connections"),
        Phrase.Of("the deployment completed", @"deployment \S* ?(has )?completed|deployment completed"),
        Phrase.Of("the desired count changed", @"successfully set desired count|change successfully fulfilled|updated computeddesiredcount"),
    ];

    private static readonly Phrase[] TargetHealthInProgress =
    [
        Phrase.Of("registration, initial checks, deregistration (reason codes)", @"elb\.registrationinprogress|elb\.initialhealthchecking|"
            + @"target\.deregistrationinprogress|target\.healthcheckdisabled"),
        Phrase.Of("the same, in words", @"registration is in progress|initial health checks in progress|deregistration is in progress|"
            + @"health checks are disabled"),
        // Batch 19, the Classic Load Balancer's InstanceState descriptions: "Instance is in pending state." while it registers
        Phrase.Of("a Classic Load Balancer's instance registering", @"instance is in pending state"),
    ];

    private static readonly Phrase[] KubernetesNormalEvent =
    [
        Phrase.Of("scheduled", @"successfully assigned"),
        Phrase.Of("pulling an image (not backing off, not failed)", @"(?<!back-?off |failed )pulling image"),
        Phrase.Of("the image is there", @"successfully pulled image|already present on machine"),
        Phrase.Of("created or started", @"^created pod:|created container|started container|stopping container"),
        Phrase.Of("scaled", @"scaled (up|down) replica set|triggered scale-up"),
        Phrase.Of("logging on, killing, sandbox changed", @"successfully enabled logging|^(killing|sandboxchanged)\b"),
    ];

    // Sweep (eks), kubernetes-sigs/karpenter pkg/controllers/disruption/events and provisioning/scheduling/events.go: Karpenter
    // weighing a node for consolidation or nominating one for a pod. "Cannot disrupt NodeClaim: state node is nominated for a
    // pending pod" names a pending pod that Karpenter is already placing, not one the scheduler cannot place.
    private static readonly SignalRule KarpenterRoutine = SignalRule.AnyOf(null, 0.85,
        "Karpenter weighing a node for disruption or nominating one for a pod; not a failure",
        Phrase.Of("disrupting, or refusing to disrupt, a node", @"\b(cannot )?disrupt(ing)? (node|nodeclaim)\b"),
        Phrase.Of("a node nominated for the pod", @"nominated for a pending pod|\bpod should schedule on\b")) with
    {
        ExplainsAway = Playbooks(EksPodsPending.Number),
    };

    // Sweep (eks), aws/amazon-vpc-cni-k8s cmd/aws-k8s-agent/main.go and pkg/ipamd/ipamd.go: ipamd's own start and pool
    // bookkeeping ("Starting L-IPAMD v1.18.2 ...", "IP pool stats: total = 14, used = 3, ...", "Successfully increased IP
    // pool"). They name ipamd and its pool, the words playbook 10 reads, while saying all is well; ipamd's own words.
    private static readonly SignalRule IpamdRoutine = SignalRule.AnyOf(null, 0.9,
        "the VPC CNI's ipamd starting or reporting its IP pool; not a failure",
        Phrase.Of("ipamd starting", @"\bstarting l-ipamd\b"),
        Phrase.Of("ipamd's pool bookkeeping", @"\bip pool stats:|successfully increased (ip|prefix) pool")) with
    {
        ExplainsAway = Playbooks(EksPodsContainerCreating.Number),
    };

    private static readonly Phrase[] AgentInformational =
    [
        Phrase.Of("the agent found its credentials", @"found (execution|application) credentials|setting task execution credentials|"
            + @"applying execution role credentials"),
        Phrase.Of("the agent attached an ENI", @"adding eni attachment info"),
        Phrase.Of("the log group exists", @"log group \S+ exists"),
        Phrase.Of("the deployer replaced tasks", @"updated the ecs service with a new task definition|replaced with new ones"),
        Phrase.Of("the agent managed a task", @"managed task|task engine: "),
        Phrase.Of("the Session Manager plugin installed", @"session manager plugin was installed successfully"),
    ];

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        // Sweep (chat-a), aws/amazon-ecs-agent#1236: "ECS continues to stop and restart new container with exit code 0"; exit 0 said in words
        new(null, 0.7, ExitZeroInWords(), "exit code 0 named: the container finished normally, whatever restarted it")
        {
            ExplainsAway = Playbooks(CrashLoop.Number),
        },
        new(null, 0.92, EssentialContainerExited(), "an essential container exited with code 0: a job that finished, not a failure") // exit 0 settles it
        {
            WhenExitCode = code => code == 0,
            Settles = Playbooks(CrashLoop.Number),
        },
        // ECS's own words
        SignalRule.AnyOf(null, 0.9, "the task was stopped on purpose (user, scale-in or a deployment replacing it); an exit 137 here is the SIGKILL after the stop timeout, not memory", StoppedOnPurpose) with
        {
            ExplainsAway = Playbooks(TaskOutOfMemory.Number, CrashLoop.Number, SpotInterruption.Number),

            // Playbook 7 keeps its look: a deliberate stop's exit 137 is worth saying was not memory.
            Settles = Playbooks(CrashLoop.Number, SpotInterruption.Number),
        },
        // ECS's own events
        SignalRule.AnyOf(null, 0.88, "a routine service event (steady state, tasks started or stopped, targets registered, scaling)", ServiceProgress) with { Routine = true },
        new(null, 0.85, ServiceActionInfoEvent(), "an INFO-level ECS service action or deployment event") { Routine = true }, // ECS's own events
        // ELB's reason codes
        SignalRule.AnyOf(null, 0.9, "the target is registering, draining or in its initial health checks; not a failure", TargetHealthInProgress),
        new(null, 0.9, HealthyOrTransitionalState(), "the target state is not a failure") { OnlyIn = Fields.TargetHealth }, // ELB's state
        // Kubernetes' own events
        SignalRule.AnyOf(null, 0.8, "a normal Kubernetes lifecycle event (scheduled, pulling, created, started, scaled)", KubernetesNormalEvent) with
        {
            NotIn = Fields.Symptom,
            Routine = true,
        },
        KarpenterRoutine,
        IpamdRoutine,
        new(null, 0.9, HealthyPodPhase(), "the pod phase is not a failure") { OnlyIn = Fields.PodStatus }, // phase alone
        // Batch 18, kubernetes/kubernetes#55958: `kubectl logs` on a pod still being created answers "container ... is waiting to
        // start: ContainerCreating"; the logs come once it starts, and the pod's own events say why it has not (weight: kubectl's words)
        new(null, 0.9, WaitingToStart(), "kubectl asked for the logs of a container that has not started yet; the pod's events say why")
        {
            ExplainsAway = Playbooks(EksPodsContainerCreating.Number, EcsExecFails.Number),
        },
        SignalRule.AnyOf(null, 0.75, "an informational agent or tool log line", AgentInformational) with // agent's own words
        {
            OnlyIn = Fields.Of(EvidenceField.Log, EvidenceField.ServiceEvent, EvidenceField.SymptomText),
            ExplainsAway = Playbooks(EcsExecFails.Number),
        },
        new(null, 0.35, null, "exit code 0: the container finished normally") { WhenExitCode = code => code == 0 }, // exit code alone
        // exit code alone
        new(null, 0.5, null, "exit code 143: the container stopped on SIGTERM, as a graceful stop does") { WhenExitCode = code => code == ExitCodes.SigTerm },
    ];

    private static HashSet<int> Playbooks(params int[] playbooks) => [.. playbooks];

    [GeneratedRegex(@"essential ?container ?(in task )?exited", RegexOptions.CultureInvariant)]
    private static partial Regex EssentialContainerExited();

    [GeneratedRegex(@"\b(service_steady_state|taskset_steady_state|capacity_provider_steady_state|service_desired_count_updated|tasks_stopped|service_deployment_in_progress|service_deployment_completed)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceActionInfoEvent();

    [GeneratedRegex(@"^(healthy|initial|draining|unavailable)$", RegexOptions.CultureInvariant)]
    private static partial Regex HealthyOrTransitionalState();

    [GeneratedRegex(@"^(running|succeeded|completed)$", RegexOptions.CultureInvariant)]
    private static partial Regex HealthyPodPhase();

    [GeneratedRegex(@"\bexit(ed|s)? (with )?(code|status)\W{0,3}0\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExitZeroInWords();

    [GeneratedRegex(@"\bis waiting to start\b", RegexOptions.CultureInvariant)]
    private static partial Regex WaitingToStart();
}
