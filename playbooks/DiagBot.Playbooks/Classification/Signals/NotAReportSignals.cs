using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": text that carries a failure mode's words without reporting that failure. A request refused for a bad parameter
/// names the setting it was about (an idle timeout, an ExecuteCommand task id), and a deploy tool that gave up waiting
/// while the tasks run fine names the deploy that failed, and an Auto Scaling group's failed launch names a host, not a task.
/// Batches 20 and 21 called each a failure.
/// </summary>
internal static class NotAReportSignals
{
    // The caller's input refused before anything ran: AWS's ValidationException ("1 validation error detected: Value ... failed to
    // satisfy constraint: Member must ...", as the AWS APIs answer and moto reproduces), ECS's InvalidParameterException for an
    // ExecuteCommand task id (Mic-U/ecsher#56, "task length should be one of [32,36]"), and a deploy tool's own check of a setting
    // (aws/aws-cdk#21560, "Load balancer idle timeout must be between 1 and 4000 seconds"). Any mode's words may sit in the setting's name.
    private static readonly SignalRule InputRefused = SignalRule.AnyOf(null, 0.9,
        "a request refused for a bad parameter before anything ran; not a failure of the running tasks",
        Phrase.Of("AWS's validation error", @"\bvalidation errors? detected\b|\bfailed to satisfy constraint\b"),
        Phrase.Of("a value outside its range or set", @"\bmust be between -?\d+ and \d+\b|\bshould be one of \[")) with
    {
        ExplainsAway = FailureModeCatalog.Modes.Select(mode => mode.Number).ToHashSet(),
    };

    // A deploy tool that timed out or said "failed" while the tasks came up (fabfuel/ecs-deploy#65 "I'm seeing a "Deployment failed"
    // message, but my tasks are updated appropriately", #209 "ecs-deploys timeouts. However the container is running succesfully";
    // sil-org/ecs-deploy#184 "Everything works, the new container spins up ... but the deploy task times out", and in a comment "The
    // deploy is working fine but ... it does not detect that the service was updated"; aws-actions/amazon-ecs-deploy-task-definition
    // "The tasks themselves successfully start up"). The tool waited less than ECS took: the deploy is neither stuck nor crashing.
    // Not when it works somewhere else: "everything works locally, but on ECS ..." is a failure told by contrast.
    private static readonly SignalRule DeployToolGaveUpWhileTasksRun = SignalRule.AnyOf(null, 0.85,
        "the deploy tool gave up waiting or said it failed, while the tasks it deployed run: its wait was shorter than ECS's deployment",
        Phrase.Of("it works, but the deploy tool failed", @"^(?!.{0,60}\b(locally|local|on my|in docker|docker-compose|outside|when i run)\b)"
            + @"(everything|the deploy(ment)?|it) (basically |all )?(works|is working|deploys)\b.{0,120}\bbut\b.{0,80}"
            + @"\b(time[sd]? ?out|timeout|fail\w*|never (finish|complet)\w*)"),
        Phrase.Of("the tasks are updated or running, all the same", @"\b(but|however),? (my |our |the |all )?(new )?(tasks?|containers?) (are|is|were|was) "
            + @"(\w+ )?(updated|running|deployed|replaced) (appropriately|fine|succe?s+fully|correctly|properly|as expected)\b"),
        Phrase.Of("the tasks themselves start", @"\b(tasks?|containers?) themselves (successfully )?(start|run|come up)\w*")) with
    {
        OnlyIn = Fields.Symptom,
        ExplainsAway = new HashSet<int> { TargetsUnhealthy.Number, CrashLoop.Number, DeployStuck.Number },
    };

    // An Auto Scaling group's activity history for an instance it could not launch (PrairieLearn/PrairieLearn#3271, batch 21: "Launching
    // a new EC2 instance. Status Reason: There are not enough free addresses in subnet ... Launching EC2 instance failed."): the subnet
    // words of playbook 1 said of a host, not of a task's ENI.
    private static readonly SignalRule InstanceLaunchNotTask = SignalRule.AnyOf(null, 0.9,
        "an Auto Scaling group could not launch an EC2 instance; no task's network interface was refused",
        Phrase.Of("Auto Scaling's launch activity", @"\blaunching a new ec2 instance\b|\blaunching ec2 instance failed\b")) with
    {
        ExplainsAway = new HashSet<int> { TaskStuckProvisioning.Number },
    };

    // A database refusing a login (docker-library/mysql#645, #323, #486, #1009: "Access denied for user 'root'@'localhost' (using
    // password: YES)", "ERROR 1045 (28000)"; infiniflow/ragflow#1922): the app's own credentials for its database, no AWS call denied.
    // Not with IAM database authentication: a task whose role may not rds-db:connect (aws/amazon-ecs-agent#1604) is playbook 4.
    private const string NoIamAuthNamed = @"^(?![\s\S]{0,1000}\b(iam|rds-db|auth(entication)? token|task role|execution role)\b)";

    // Weight: the database's own refusal, as sure as a refused parameter's; it explains away playbook 4 only.
    private static readonly SignalRule DatabaseLoginRefused = SignalRule.AnyOf(null, 0.85,
        "a database refused the app's user and password; no AWS call was denied to the task role",
        Phrase.Of("MySQL's refused login", NoIamAuthNamed + @"[\s\S]{0,1000}(\baccess denied for user '|\(using password: (yes|no)\)|\berror 1045\b)"),
        Phrase.Of("PostgreSQL's refused login", NoIamAuthNamed + @"[\s\S]{0,1000}\bpassword authentication failed for user\b")) with
    {
        ExplainsAway = new HashSet<int> { AppAccessDenied.Number },
    };

    // A presigned URL refused to whoever holds it (aws/aws-sdk-js#2306 "<Code>AccessDenied</Code><Message>Request has expired</Message>",
    // #4368 "trying to upload any a file using the `s3-presigned-post` package", boto/boto3#2911 "a 403 forbidden when trying to use
    // Boto3's presigned post"): a browser's or a client's request with a signature, not the task role's own call (weight: the request names itself).
    private static readonly SignalRule PresignedRequestRefused = SignalRule.AnyOf(null, 0.85,
        "a presigned URL or POST was refused to the client that used it; not the task role's own AWS call",
        Phrase.Of("a presigned request", @"\bpre-?signed\b|\bcreatepresignedpost\b|<message>request has expired</message>")) with
    {
        ExplainsAway = new HashSet<int> { AppAccessDenied.Number },
    };

    // The app refusing one of its own users (keets2012/Auth-service#11 and PacktPublishing's Spring Boot 3 book #4:
    // "org.springframework.security.access.AccessDeniedException: Access is denied"; spring-projects/spring-security#1870
    // "AccessDeniedHandler exception is thrown"): the app's authorization of a web user, no AWS call (weight: the framework names
    // itself). Not "a Spring application": one that cannot pick up its task role's permissions is playbook 4.
    private static readonly SignalRule AppRefusedItsUser = SignalRule.AnyOf(null, 0.85,
        "the app's own security framework refused one of its users; no AWS call was denied to the task role",
        Phrase.Of("Spring Security's refusal", @"\bspringframework\.security\.access\.accessdeniedexception\b"
            + @"|\bspring security\b|\baccessdeniedhandler\b")) with
    {
        ExplainsAway = new HashSet<int> { AppAccessDenied.Number },
    };

    // kubectl's "<pending>" is a LoadBalancer Service's EXTERNAL-IP column before its load balancer exists (kubernetes/kops#15990,
    // batch 22: "the ELB is added immediately in AWS, but is kept in <pending> in k8s"): a Service's address, not a Pending pod
    // (weight: kubectl's own placeholder).
    private static readonly SignalRule ServiceAddressPending = SignalRule.AnyOf(null, 0.85,
        "a LoadBalancer Service's external address is still <pending>; no pod is Pending",
        Phrase.Of("kubectl's pending address", @"<pending>")) with
    {
        ExplainsAway = new HashSet<int> { EksPodsPending.Number },
    };

    // Sweep (chat-a): engineers setting something up, asking for a setting or saying it works now, in the words of a failure they
    // do not have: go-mk-websites.co.uk ("how to restrict outbound traffic ... while still enabling access to Secrets Manager"),
    // aws/aws-cdk#6498 ("should have a way to easily specify healtCheck"), aws/containers-roadmap#558 and #2381 ("I'd like to be
    // able to provide a list of Elastic Network Interfaces", "there is no option to configure the maximum duration ... PROVISIONING"),
    // strvcom/terraform-aws-fargate#28 ("This feature adds the possibility to modify the default health check path"),
    // cloudposse/terraform-aws-ecs-alb-service-task#71 and aws-samples/aws-gateway-load-balancer-suricata-ids-ips-nsm#5 ("Allow ECS
    // services to register and deregister targets", "Enable "Deployment circuit breaker" so ECS can automatically rollback"),
    // cloudposse/terraform-aws-ecs-alb-service-task#42 ("ssm:GetParameters allows to use the secrets"), pelotech/foundation#429
    // ("This metric is useful for alerting whenever a container restarts due to OOMKilled"),
    // gitcoinco/web#10909 and Kong/jenkins-infrastructure#1 ("Configure the health checks for ...", "adjust the target group health
    // check"), aws/copilot-cli#3772 ("It is working now after I added health check port 5005"). A question or a change request is
    // not a report, so it explains the failure words inside it away; chat words, so a modest weight.
    private static readonly SignalRule SetupNotFailure = SignalRule.AnyOf(null, 0.7,
        "a question or a request about setting something up, or word that it works now; not a failure",
        Phrase.Of("how to set something up", @"\bhow (to|do i|do we|can i|can we|should i|should we) "
            + @"(restrict|configure|set ?up|specify|define|customi[sz]e|modify|adjust)\b"),
        Phrase.Of("asking for a way to do it", @"\b(i'?d|we'?d|i would|we would) like (to be able )?to (configure|specify|set|provide|define|control|choose)\b"
            + @"|\bshould (have|provide|offer) a way to\b|\bthere is no (option|way) to (configure|set|specify|control)\b"),
        Phrase.Of("a change that adds a setting", @"\b(this|the) (feature|pr|change) (adds|allows|exposes|introduces)\b"
            + @"|\badds? the (possibility|ability|option) to\b|^allow (\w+ ){0,2}(services?|tasks?|users?|containers?) to\b"
            + @"|^(enable|expose|add)\b.{0,60}\bso (that )?(ecs|it|we|you|users?) can\b|\ballows? (you |us )?to use\b"),
        Phrase.Of("an alert being set up", @"\b(useful|used|needed) for (alerting|monitoring)\b|\bset up (an )?(alerts?|alarms?) (on|for|when|whenever)\b"),
        Phrase.Of("tuning a health check, as a task", @"^(configure|adjust|tune|customi[sz]e|modify)\b.{0,40}\bhealth ?checks?\b"),
        Phrase.Of("it works now", @"\b(it|everything|that) (is |'s )?(now )?working (now|again|fine now)\b|\bit works now\b"
            + @"|\b(seemed|seems) to work fine\b"),
        // Sweep (lookalikes-2): azure-docs#56448 ("Can i specify custom error page for "504 Gateway Time-out" ?"),
        // aws-containers/hello-app-runner#2 ("Can you try deploying again with port 8000?"), UKGovernmentBEIS/inspect_k8s_sandbox#50
        // ("These are typically caused by: ..."), sa-mw-dach/manuela#217 ("Various infrastructure issues might lead into ImagePullBackOff
        // or CrashLoopBackOff"), aws/containers-roadmap#2654 ("Make the fargate-scheduler retry / reconcile pending pods").
        Phrase.Of("asking whether a setting exists", @"\bcan (i|we) (specify|configure|set|customi[sz]e|change)\b"),
        Phrase.Of("a fix suggested to try", @"\b(can|could) you (please )?try\b"),
        Phrase.Of("causes told in general", @"\b(these|this|they) (are|is|were|was) (typically|usually|often|commonly) caused by\b|\bmight lead (in)?to\b"),
        Phrase.Of("a request that a tool behave otherwise", @"^make (the |it )?[\w-]+ (retry|reconcile|support|wait|handle)\b"),
        // Batch 22, as the knowledge center opens its articles: "I want to know how to handle Spot termination notices in AWS Fargate Spot
        // tasks" (fargate-spot-termination-notice), "I have questions about creating an AWS Fargate profile" (fargate-troubleshoot-profile-creation)
        Phrase.Of("wanting to know how", @"\b(i|we) (want|would like|'d like|need) to (know|understand|learn) how (to|do|does|can)\b"),
        Phrase.Of("having questions about it", @"\b(i|we) have (some )?questions about\b")) with
    {
        OnlyIn = Fields.Symptom,
        ExplainsAway = new HashSet<int>
        {
            EksPodsPending.Number, TaskStuckProvisioning.Number, CannotPullContainer.Number, SecretsPullFailed.Number,
            AppAccessDenied.Number, Alb503NoTargets.Number, TargetsUnhealthy.Number, TaskOutOfMemory.Number, CrashLoop.Number, Alb504Timeout.Number,
            SpotInterruption.Number, EcsExecFails.Number,
        },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        InputRefused, DeployToolGaveUpWhileTasksRun, InstanceLaunchNotTask, DatabaseLoginRefused, PresignedRequestRefused, AppRefusedItsUser,
        ServiceAddressPending, SetupNotFailure,
    ];
}
