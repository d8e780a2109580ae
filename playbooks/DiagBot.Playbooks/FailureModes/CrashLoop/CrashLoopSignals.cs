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
        // Sweep (chat-a): cloudwithgagan.com's ECS page, "tasks kept cycling — starting, running for a few seconds, then dying"
        Phrase.Of("starts, then dies", @"\b(starts?|started|starting|get started|gets started)\b[^.]{0,30}\bthen\b[^.]{0,25}"
            + @"\b(die|dies|died|dying|stop|stops|stopped|crash\w*|get terminated|gets terminated|terminated|exits?|exited)\b"),
        Phrase.Of("runs for seconds, then stops", @"\b(runs?|running|ran) for (a few|a couple of|\d+) (seconds|secs)\b.{0,12}"
            + @"\b(then|and)\b.{0,12}\b(die|dies|dying|stop|stops|exits?|crash\w*)"),
        // Sweep (chat-a): smplogs.com's crash-loop pattern ("gets replaced by the service scheduler, and the replacement fails in the
        // same way"), linden.consulting ("New tasks launch to replace them, and they stop too"): the replacements die as well
        Phrase.Of("the replacements fail the same way", @"\breplac\w*\b.{0,40}\b(fails?|failed|dies|died|crash\w*|stops?|stopped)\b.{0,20}"
            + @"\b(in the same way|the same way|too|as well)\b"),
        Phrase.Of("killed right after start", @"\b(terminated|killed|stopped|exited|dies|died) (immediately|right away|instantly)\b"),
        Phrase.Of("keeps dying", @"\bkeeps? (on )?(dying|crashing|cycling|restarting)\b"),
        // Batch 22, velog.io @masterkorea01 "Pod는 왜 자꾸 CrashLoopBackOff 나는가": "Pod가 뜨긴 뜨는데, 몇 초 지나면 죽고, 다시 뜨고, 또 죽고"
        // (it comes up, dies a few seconds later, comes up again, dies again), in Korean
        Phrase.Of("comes up, then dies, in Korean", @"(몇 ?초|수 ?초) ?(지나면|후에?|만에) 죽|죽고.{0,20}다시 (뜨|시작|살아)"));

    private static readonly Phrase[] CrashLoopWords =
    [
        Phrase.Of("CrashLoopBackOff", @"crashloopbackoff|crash ?loop"),
        Phrase.Of("back-off restarting a failed container", @"back-?off restarting (the )?failed container|restarting (the )?failed container"),
        Phrase.Of("keeps restarting", @"keeps? (restarting|crashing)|restart(ing)? (loop|over and over|repeatedly)"),
        // berops/claudie#268 (batch 20): "killed due to the liveness probe failing"
        Phrase.Of("liveness probe failing", @"liveness probe failed|failed liveness probe|liveness probe (is )?failing"),
    ];

    private static readonly Phrase[] ServiceCannotStartTasks =
    [
        Phrase.Of("ECS cannot start tasks consistently", @"unable to consistently start tasks|service_task_start_impaired|daemon_task_start_impaired"),
        Phrase.Of("task or deployment failed events", @"task_failed_to_run|service_deployment_failed"),
        Phrase.Of("the circuit breaker tripped", @"circuit ?breaker"),
        Phrase.Of("the deployment failed, in words", @"tasks failed to start|deployment failed"),
        Phrase.Of("rolled back", @"rolling back to deployment|rolled back to deployment"),
        // Sweep (i18n), the guide's service event messages as its Japanese and Chinese pages print them: "一貫してタスクを正常に開始
        // できません" (docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html), "无法成功一致地启动任务"
        // (docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html) and SERVICE_TASK_START_IMPAIRED's
        // "无法始终如一地成功启动任务" (docs.aws.amazon.com/zh_cn/AmazonECS/latest/developerguide/ecs_service_events.html)
        Phrase.Of("ECS cannot start tasks consistently, in Japanese or Chinese", @"一貫してタスクを正常に開始できません|成功一致地启动任务|"
            + @"始终如一地成功启动任务"),
        // The Chinese page: "部署失败:任务无法启动" (deployment failed: tasks failed to start), read with its reason
        Phrase.Of("the deployment failed, in Chinese", @"部署失败\W{0,3}任务无法启动"),
    ];

    private static readonly Phrase[] StartFailure =
    [
        Phrase.Of("executable not found", @"executable file not found in \$path"),
        Phrase.Of("the runtime could not start the process", @"starting container process caused|unable to start container process|"
            + @"error during container init|runc create failed"),
        Phrase.Of("the entrypoint is missing", @"no such file or directory.{0,40}(entrypoint|exec)"),
        Phrase.Of("the container failed to start", @"error: failed to start container"),
    ];

    private static readonly Phrase[] StartsAndDies =
    [
        Phrase.Of("starts, then fails", @"(started|starting|start) and (then )?(fail|die|crash|stop)\w*"),
        Phrase.Of("keeps getting restarted", @"keeps? getting (started|restarted)|stops it and (then )?restart|"
            + @"restart\w* (again( and)? again|over and over|every)"),
        Phrase.Of("starts and dies within seconds", @"start and die|die within seconds"),
        // oneuptime.com, ECS deployment issues: "tasks start and immediately crash, triggering an endless loop of replacements"
        Phrase.Of("starts and immediately crashes", @"\bstarts? and (then )?(immediately|instantly|quickly) (fail|die|crash|stop|exit)\w*"),
        // aws/amazon-ecs-agent#1659: "ECS tries to start the container again and this cycles endlessly repeats"
        // batch 11 added "infinite loop of restarting" (kubernetes/kubernetes#62594)
        Phrase.Of("an endless loop of restarts", @"(endless(ly)?|infinite|never-?ending) (loop|cycle)s? of (replacements|restart\w*)|cycles? endlessly|"
            + @"(tries|trying) to start the (container|task) again"),
        // Batch 20's tuning part: the loop told as a story (aws/amazon-ecs-agent#905 "containers are starting but are rapidly exiting",
        // keycloak/keycloak#19113 "getting started but exiting after sometime", airbytehq/airbyte#33555 "crashed again and again right
        // after starting", metabase/metabase#8373 "restart itself ad-infinitum", sapcc/helm-charts#975 "constantly restarting the pod")
        Phrase.Of("started, but exits soon after", @"\bstart(s|ed|ing)?\b.{0,12}\bbut (are |is )?(rapidly |quickly |immediately )?exit(s|ing|ed)?\b"),
        // Batch 20, aws/amazon-ecs-agent#678: "My task is started now but immediately that task will be stopped"
        Phrase.Of("started, but stopped at once", @"\bstart(s|ed)?\b.{0,20}\bbut (then )?immediately\b.{0,25}\b(stop(ped|s)?|exit(s|ed)?|die[sd]?|killed)\b"),
        Phrase.Of("crashing again and again", @"\b(crash\w*|fail\w*|restart\w*) again and again\b|\brestarts? (itself )?ad.?infinitum\b"
            + @"|\b(constantly|continuously|repeatedly) restart\w*"),
        // docker ps's status column for a container in a restart loop (n8n-io/n8n#17877: "Restarting (1) 5 seconds ago")
        Phrase.Of("docker ps shows it restarting", @"\brestarting \(\d+\) \d+ (seconds?|minutes?) ago\b"),
    ];

    // Issue 19, batch 12, aws/amazon-ecs-agent#594: "my tasks stays couple seconds in PENDING state and then gone ... Exit Code 139".
    // Seconds in PENDING and then gone is a task that got past its pull and died, not one stuck pulling: playbook 2 is explained away.
    private static readonly SignalRule LeftPendingThenDied = SignalRule.AnyOf(Playbook, 0.8,
        "the task leaves PENDING within seconds and is gone: it started and died, it was not stuck pulling",
        Phrase.Of("seconds in PENDING, then gone", @"\bseconds in (the )?pending\b.{0,40}\b(then|and) (gone|stopped|exit\w*|died|dies|disappear\w*)\b")) with
    {
        ExplainsAway = new HashSet<int> { CannotPullContainer.Number },
    };

    // Sweep (eks), kubernetes/kubernetes pkg/controller/job/job_controller.go: the Job controller's BackoffLimitExceeded event,
    // "Job has reached the specified backoff limit", after its pods exited non-zero again and again (a Job that completes says
    // "Job completed"). The controller's own words for the loop, so at the weight of ECS's own loop events.
    private static readonly SignalRule JobBackoffLimitReached = SignalRule.AnyOf(Playbook, 0.85,
        "the Job's pods failed again and again until its backoff limit",
        Phrase.Of("the Job reached its backoff limit", @"reached the specified backoff limit|backofflimitexceeded"));

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        LeftPendingThenDied,
        JobBackoffLimitReached,
        // ECS and kubelet's words. A readiness probe restarts nothing, so beside them it is not why (knative/serving#2804:
        // "Pods are going into CrashLoopBackOff state as Readiness probe failed").
        SignalRule.AnyOf(Playbook, 0.95, "the container keeps crashing and is restarted with back-off", CrashLoopWords) with
        {
            RulesOutOutside = new HashSet<string>(StringComparer.Ordinal) { ReadinessProbeAtStartup.Cause.Name },
        },
        StartsThenDies,
        // ECS's own events
        SignalRule.AnyOf(Playbook, 0.85, "the service cannot keep its tasks running (repeated failed starts / circuit breaker)", ServiceCannotStartTasks),
        new(Playbook, 0.75, EssentialContainerExited(), "an essential container exited with a non-zero code") // exit code known
        {
            WhenExitCode = code => code is not null and not 0 and not ExitCodes.SigKill and not ExitCodes.SigTerm,
        },
        new(Playbook, 0.45, EssentialContainerExited(), "an essential container exited (exit code unknown: 0 would be a finished job)") // exit code unknown
        {
            WhenExitCode = code => code is null,
        },
        // 137 belongs to playbook 7
        new(Playbook, 0.25, EssentialContainerExited(), "an essential container exited with 137") { WhenExitCode = code => code == ExitCodes.SigKill },
        new(Playbook, 0.7, ContainerHealthCheckFailed(), "the container's own health check fails, so ECS keeps replacing the task"), // ECS replaces it
        SignalRule.AnyOf(Playbook, 0.6, "the container process cannot start (entrypoint or command)", StartFailure), // runtime's own words
        new(Playbook, 0.45, NonZeroExitWords(), "a non-zero exit code is named") { OnlyIn = Fields.Free }, // code named, no loop
        new(Playbook, 0.5, ErrorPhase(), "the pod's container terminated in error") { OnlyIn = Fields.PodStatus }, // phase alone
        new(Playbook, 0.35, CannotStart(), "CannotStartContainerError: the container could not start"), // no cause named
        new(Playbook, 0.3, null, "the container exited with a non-zero code") // exit code alone
        {
            WhenExitCode = code => code is not null and not 0 and not ExitCodes.SigKill and not ExitCodes.SigTerm,
        },
        SignalRule.AnyOf(Playbook, 0.8, "the tasks or pods start and die again and again, in an engineer's words", StartsAndDies), // the loop, said plainly
    ];

    [GeneratedRegex(@"essential ?container ?(in task )?exited", RegexOptions.CultureInvariant)]
    private static partial Regex EssentialContainerExited();

    [GeneratedRegex(@"(failed|failing|fail) container health ?checks?|container health ?checks? (fail|are failing)|container is unhealthy", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerHealthCheckFailed();

    // Batch 20, aws/copilot-cli#3255: a sidecar that "exited with a non-zero status and it took our main container with it"
    [GeneratedRegex(@"exit(ed|s)? (with )?(code|status)\W{0,3}(1|2|126|127|139|255)\b|exit code (1|2|126|127|139|255)\b"
        + @"|exit(ed|s)? with an? non-?zero (exit )?(code|status)", RegexOptions.CultureInvariant)]
    private static partial Regex NonZeroExitWords();

    [GeneratedRegex(@"^(error|terminated)$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPhase();

    [GeneratedRegex(@"cannotstartcontainer", RegexOptions.CultureInvariant)]
    private static partial Regex CannotStart();
}
