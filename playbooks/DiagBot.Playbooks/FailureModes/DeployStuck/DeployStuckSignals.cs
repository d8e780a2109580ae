using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

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

    private static readonly Phrase[] UnableToPlace =
    [
        Phrase.Of("unable to place a task", @"unable to place (a )?tasks?"),
        Phrase.Of("placement or creation failed events", @"service_task_placement_failure|task_creation_failed|service_daemon_placement_constraint_violated"),
        Phrase.Of("no container instance met the requirements", @"no container instances? met all of its requirements|"
            + @"closest matching \(?container[- ]?instance"),
        Phrase.Of("not enough CPU, memory or ports", @"has insufficient (cpu units|memory|gpu)"),
        Phrase.Of("the port is taken", @"already using a port required"),
        Phrase.Of("no container instances", @"no container instances were found"),
        Phrase.Of("not enough CPU, memory or ports, in words", @"not enough (cpu|memory|ports)"),
        Phrase.Of("no ENI attachment points left", @"eni attachment points"),
        // Batch 18, the ECS guide's API failure reasons (awsdocs/amazon-ecs-developer-guide api_failures_messages.md): RunTask's
        // "RESOURCE:MEMORY", the instance had not the resource the task asks for; "RESOURCE:ENI" in batch 21 (aws/amazon-ecs-agent#2669,
        // bottlerocket-os/bottlerocket#3153), the same page's reason for an instance out of ENI attachments for awsvpc tasks
        Phrase.Of("RunTask's resource failure reason", @"\bresource:(cpu|memory|gpu|ports|eni)\b"),
        // The sweep (issue 19), the same page: "TaskFailedToStart: MemberOf placement constraint unsatisfied", no instance matches the expression
        Phrase.Of("a placement constraint no instance satisfies", @"placement constraint unsatisfied"),
        // Sweep (i18n), the guide's service event messages as its Japanese and Chinese pages print them
        // (docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html, "タスクを配置できませんでした";
        // docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html, "无法放置任务", "无法下达任务"):
        // "unable to place a task", read on its verb so the CPU, internal-error and no-instance variants all read
        Phrase.Of("unable to place a task, in Japanese or Chinese", @"タスクを配置できません|无法(放置|下达)任务"),
        Phrase.Of("no container instance met the requirements, in Japanese or Chinese", @"すべての要件を満たしたコンテナインスタンスがない|"
            + @"没有满足所有条件的容器实例"),
        // The Chinese page: "在您的容量提供程序中未找到容器实例" (no container instances were found in your capacity provider)
        Phrase.Of("no container instances found, in Chinese", @"未找到容器实例"),
    ];

    // Sweep (i18n), the Chinese page above: "无法达到稳定状态 ... 受保护任务的数量超过了所需的任务数量", the steady state the
    // service cannot reach and the protected tasks, as ScaleInBlocked reads them in English
    private static readonly Phrase[] ScaleInBlockedTranslated =
    [
        Phrase.Of("unable to reach steady state, in Chinese", @"无法达到稳定状态"),
        Phrase.Of("protected tasks, in Chinese", @"受保护任务"),
    ];

    private static readonly Phrase[] StuckInWords =
    [
        Phrase.Of("CloudFormation waits for services stable", @"not in the state servicesstable"),
        // Batch 18, dkegldh/sb11-mople-team2#280: the AWS CLI's own waiter, "[ERROR]: Waiter ServicesStable failed: Max attempts exceeded"
        Phrase.Of("the CLI's services-stable waiter gave up", @"waiter servicesstable failed"),
        // Batch 19, aws-samples/deploy-streamlit-app#3: CloudFormation's normal "Eventual consistency check initiated" for an ECS
        // service, followed by a time-out ("but then times out after 2 hrs"); the status reason alone is every service's creation
        Phrase.Of("CloudFormation's stability check ran out", @"eventual consistency check initiated.{0,80}\b(times? out|timed out|hangs?|stuck|never)\b"),
        // Batch 19, hashicorp/terraform-provider-aws#18329: Terraform's own wait, "error waiting for service (...) to reach a steady
        // state: ResourceNotReady: failed waiting for successful resource state"
        Phrase.Of("Terraform's wait for a steady state gave up", @"waiting for service .{0,160}to reach a steady state"),
        // Chat sweep (chat-b): "Tasks are also not placed if there is insufficient memory in the cluster" (aws/containers-roadmap#76), "We
        // have seen cases where tasks can't find capacity" (PRX/Infrastructure#402): placement, in words
        Phrase.Of("tasks not placed, no capacity", @"\btasks?\b.{0,30}\b(are |is |were |was )?(also )?(not|never) (being )?placed\b|"
            + @"\btasks?\b.{0,30}\b(can'?t|cannot|could not|couldn'?t|unable to) (find|get) (enough )?capacity\b"),
        Phrase.Of("unable to place a container", @"unable to place (a )?container"),
        Phrase.Of("waiting for a free instance", @"(waiting|wait) for (an open|a free|an available) instance"),
        Phrase.Of("two deployments forever", @"\btwo deployments\b.{0,300}(forever|stays|stuck)"),
        Phrase.Of("the port is already in use", @"(port|ports) .{0,20}already (being )?in use"),
        // aws-actions/amazon-ecs-deploy-task-definition#102: "the deploy is taking incredibly long all of a sudden"
        Phrase.Of("the deploy takes very long", @"deploy\w*\b.{0,20}\b(is |are )?taking (incredibly |very |so |too |really )?long"),
        // Batch 11: CloudFormation's and CDK's wait for a service that never settles (aws/aws-toolkit-visual-studio#293 "did not
        // stabilize", convox/rack#1111 "the services cannot obviously stabilize")
        Phrase.Of("the service never stabilises", @"\b(did not|didn'?t|does not|doesn'?t|never|cannot|can'?t|could not|couldn'?t|fail\w* to)\b"
            + @"(\s\w+){0,2}\sstabili[sz]e"),
        // xtdb/xtdb#3082: "The ECSService never completes. It says `CREATE_IN_PROGRESS` for about two hours"; batch 19, aws/aws-cdk#20257:
        // "has been creating EcsEc2 services ... Status is `CREATE_IN_PROGRESS` and won't be `COMPLETE`"
        Phrase.Of("the service's stack stays in progress", @"\becs\w* ?services?\b.{0,80}\b(create|update)_in_progress\b|"
            + @"\b(create|update)_in_progress\b.{0,20}\bfor (about |over |more than )?(\w+ )?hours?\b"),
        // Batch 12, fabfuel/ecs-deploy#56: "it won't stop the tasks, and get timeout on the deployment"
        Phrase.Of("the deploy times out, the old tasks never stop", @"\b(timeout|time out|timed out|times out) (on|of|waiting for) the deployment\b|"
            + @"\b(won'?t|doesn'?t|does not|will not|never) stop the (old |running |existing |previous )?tasks\b"),
    ];

    // Issue 19, batches 10-13 by family (the ECS rolling-update page: a deployment completes when the new tasks are running and
    // the old ones drained and stopped): the old revision still running after a new one was registered, the old task "not
    // stopped", a service that tries to start tasks "for hours", a CloudFormation service update that keeps taking time.
    // An engineer's words for a rollout that does not finish.
    private static readonly SignalRule RolloutNeverFinishes = SignalRule.AnyOf(Playbook, 0.75,
        "the rollout never replaces the old tasks, in an engineer's words",
        Phrase.Of("the old revision keeps running", @"\b(still|keeps?|kept) (\w+ )?running the (old|previous|former|prior) "
            + @"(revision|version|task ?definition|tasks?|image|deployment)\b"),
        // Chat sweep (chat-b), aws/amazon-ecs-agent#541: "the old versions are not being stopped by the ecs-agent"
        Phrase.Of("the old task never stops", @"\bold (ones?|tasks?|revisions?|versions?|deployments?|containers?)\b.{0,20}\b(is|are|was|were) "
            + @"(still )?(not|never) (being )?(stopped|replaced|drained|removed|killed)\b"),
        // Chat sweep (chat-b): the new task never takes the old one's place: "my container is not able to replace the already running one"
        // (CircleCI-Archived/circle-ecs#1), "I get a timeout waiting for the existing tasks to come down" (aws/amazon-ecs-cli#93), "i can
        // only see the task with the previous revision" (sil-org/ecs-deploy#85), "Service not starting the new registered task"
        // (hashicorp/terraform#11253)
        Phrase.Of("the new task never replaces the running one", @"\b(not able to|unable to|can'?t|cannot|could not|couldn'?t|won'?t|doesn'?t|does not) "
            + @"replace the (already )?(running|old|existing|previous|current) (one|tasks?|containers?|version)\b"),
        Phrase.Of("waiting for the old tasks to come down", @"\bwaiting for the (existing|old|previous|running) (tasks?|containers?) to (come down|"
            + @"stop|drain)\b|"
            + @"\bonly see the (tasks?|containers?) (with|of|from|on) the (previous|old) (revision|version|task ?definition)\b"),
        Phrase.Of("the service does not start the new revision", @"\bnot start\w* the new\b.{0,20}\b(tasks?|revision|version|task ?definition)\b"),
        // Chat sweep (chat-b): it goes through only once the old task is stopped by hand: "it freezes on the "Deploying task definition" ...
        // If I manually stop the old task, the "Deploying task definition" unfreezes" (fabfuel/ecs-deploy#12), "I can only deploy to ECS if I
        // have manually gone into ECS and stopped and deleted the old service first" (Shippable/support#3652)
        Phrase.Of("it deploys only after the old task is stopped by hand", @"\bonly (deploy|update)\w*\b.{0,50}\bmanually\b.{0,30}\bstop\w*|"
            + @"\b(freez\w*|froze|hangs?|stuck) (on|at) (the )?\W?deploying\b"),
        Phrase.Of("starting tasks for hours", @"\b(tr(y|ies|ied|ying)|attempt\w*|keeps?|kept) (to )?(start|place|launch|deploy)\w* "
            + @"(\w+ ){0,2}(tasks?|containers?)\b.{0,40}\bfor (hours|\d+ hours|an hour|over an hour)\b"),
        Phrase.Of("the service resource keeps updating", @"\baws::ecs::service\b.{0,60}\b(taking|takes|took|stuck|hangs?|waiting)\b"),
        // Batch 22, a rolling update with no room (govwifi-terraform#1011: "preventing deployments due to insufficient capacity for
        // rolling updates")
        Phrase.Of("no room for the rolling update", @"\b(insufficient|not enough|no) capacity for (the )?rolling updates?\b"));

    // Batch 22, the knowledge center's "the Amazon ECS deployment circuit breaker mechanism doesn't activate, and my deployment doesn't
    // roll back" (ecs-deployment-roll-back-failure): a breaker that never trips leaves the deployment hanging; the breaker's name is
    // no crash loop here (weight: the breaker and its failure named together).
    private static readonly SignalRule CircuitBreakerNeverTrips = SignalRule.AnyOf(Playbook, 0.85,
        "the deployment circuit breaker never trips, so the deployment neither completes nor rolls back",
        Phrase.Of("the circuit breaker never trips", @"\bcircuit breaker\b.{0,30}\b(doesn'?t|does not|didn'?t|did not|never|won'?t|fails? to) "
            + @"(activate|trigger|trip|kick in|fire)\w*")) with
    {
        ExplainsAway = new HashSet<int> { CrashLoop.Number },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        RolloutNeverFinishes,
        CircuitBreakerNeverTrips,
        SignalRule.AnyOf(Playbook, 0.92, "ECS cannot place a task: no container instance meets its requirements", UnableToPlace), // ECS's own event
        // ECS's own words
        new(Playbook, 0.9, DeploymentConfiguration(), "the deployment configuration (minimumHealthyPercent / maximumPercent) leaves no room to replace tasks"),
        new(Playbook, 0.85, ScaleInBlocked(), "task protection or a steady-state failure blocks the service"), // ECS's own reason; quotas are outside the modes
        // ECS's own reason, translated: the English rule's weight
        SignalRule.AnyOf(Playbook, 0.85, "task protection or a steady-state failure blocks the service", ScaleInBlockedTranslated),
        new(Playbook, 0.75, DeploymentStuckWords(), "the deployment does not complete"), // state, in words
        new(Playbook, 0.55, Throttled(), "the service's operations are throttled"), // throttling, not placement
        SignalRule.AnyOf(Playbook, 0.8, "the deployment waits for room it never gets, in an engineer's words", StuckInWords), // the stuck rollout, said plainly
    ];

    // Batch 12, aws/amazon-ecs-agent#2031: Terraform spells it deployment_minimum_healthy_percent
    [GeneratedRegex(@"unable to stop or start tasks during a deployment|minimumhealthypercent|maximumpercent|minimum[ _]healthy[ _]percent", RegexOptions.CultureInvariant)]
    private static partial Regex DeploymentConfiguration();

    [GeneratedRegex(@"unable to reach steady state|protected tasks", RegexOptions.CultureInvariant)]
    private static partial Regex ScaleInBlocked();

    [GeneratedRegex(@"deploy\w*.{0,60}(stuck|hang|hung|not complet|\b(did|does|do|wo|was|has|have|is|ca|could)n'?t complet|never complet|times? out|timed out|in_progress|in progress for)|rolloutstate.{0,20}in_progress|(stuck|hang\w*|hung).{0,20}deploy|(update|updating|rolling out) .{0,30}service.{0,20}(times? out|timed out|stuck)", RegexOptions.CultureInvariant)]
    private static partial Regex DeploymentStuckWords();

    [GeneratedRegex(@"operations are being throttled|ecs_operation_throttled", RegexOptions.CultureInvariant)]
    private static partial Regex Throttled();
}
