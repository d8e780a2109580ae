using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 2: the image cannot be pulled. The sub-cause rules name which kind: not found, auth, rate limit, disk, network.</summary>
internal static partial class CannotPullContainerSignals
{
    private const int Playbook = CannotPullContainer.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the task's stoppedReason and container reason (aws ecs describe-tasks --query 'tasks[0].[stoppedReason,containers[].reason]'), or the pod's Failed event";

    // Declared before Rules: static initialisers run in textual order.
    private static readonly HashSet<int> _agentNotApp = [AppAccessDenied.Number];

    private static readonly Phrase[] KubeletPullFailure =
    [
        Phrase.Of("ImagePullBackOff / ErrImagePull", @"imagepullbackoff|errimagepull|back-?off pulling image|\bimagepullerr\w*"),
        // Batch 20, flyteorg/flyte#3239: "a failed task (due to image pull backoff, since some pull creds were missing)"
        Phrase.Of("ImagePullBackOff written as words", @"\bimage pull back-?off\b"),
        Phrase.Of("containerd could not pull", @"failed to pull and unpack image"),
        // Sweep (eks), kubernetes/kubernetes pkg/kubelet/images/image_manager.go (EnsureImageExists): the InspectFailed event
        // "Failed to apply default image tag ..." that sets InvalidImageName, the image name the kubelet cannot parse
        Phrase.Of("InvalidImageName", @"invalidimagename|failed to apply default image tag"),
        // Batch 21's tuning part: kubectl's refusal to show a container that never started (mhausenblas/kboom#1, "is waiting to start:
        // trying and failing to pull image"), and containerd's own refusal of an image name (aws/copilot-cli#2584, "failed to normalize
        // image reference "Dockerfile"")
        Phrase.Of("kubectl: trying and failing to pull", @"waiting to start: trying and failing to pull image"),
        Phrase.Of("containerd cannot parse the image name", @"failed to normalize image reference"),
        // Sweep (eks), the same file: ErrImageNeverPull's event "Container image ... is not present with pull policy of Never"
        Phrase.Of("the image is absent and may not be pulled", @"errimageneverpull|is not present with pull policy of never"),
    ];

    private static readonly Phrase[] PullFailedWords =
    [
        Phrase.Of("cannot pull (not secrets)", @"(not able to|unable to|can'?t|cannot|couldn'?t|could not|fail\w* to) pull (?!secrets)"),
        // The sweep (issue 19), aws/amazon-ecs-agent agent/engine/task_manager.go: "Error while pulling image or its manifest; moving task to STOPPED"
        Phrase.Of("pulling the image failed", @"failed to pull image|error (while )?pulling image"),
        Phrase.Of("pull access denied", @"pull access denied"),
        Phrase.Of("the pull failed, in words", @"pulling (the )?(image|container) fail"),
        // batch 11, aws/amazon-ecs-agent#2061: "Image pull fails for unknown reason."
        Phrase.Of("the image pull fails", @"\bimage pulls? (fails?|failed|failing|errors?|is failing|keeps failing)\b"),
        // Batch 12, kubernetes-sigs/aws-load-balancer-controller#1736: "im getting problems pulling the image"
        Phrase.Of("trouble pulling the image", @"\b(problems?|issues?|trouble|errors?) (with )?pulling (the |an |my |our )?(images?|containers?)\b"),
        // Sweep (aws, second), the ECR guide's common-errors-docker.md: a layer that failed to download (full disk or no path
        // to S3) is logged as "filesystem layer verification failed for digest sha256:..."
        Phrase.Of("a pulled layer failed its check", @"filesystem (layer )?verification failed"),
    ];

    private static readonly Phrase[] RegistryAuthDenied =
    [
        Phrase.Of("no registry credentials", @"no basic auth credentials|unauthorized: (authentication required|incorrect username or password)"),
        Phrase.Of("the execution role lacks ECR pull actions", @"ecr:(batchgetimage|getdownloadurlforlayer|batchchecklayeravailability)|"
            + @"permissions to pull images"),
        Phrase.Of("docker login needed", @"may require 'docker login'"),
        // Batch 18, portainer/portainer#6764 ("denied: Your authorization token has expired"): the registry credential is stale
        Phrase.Of("the ECR token expired", @"authorization token has expired"),
        // Batch 12, enix/kube-image-keeper#172: "a "401 Unauthorized" error deploying Pod with an image in the ECR"
        Phrase.Of("a 401 beside the image or registry", @"\b401\b.{0,20}\bunauthorized\b.{0,80}\b(images?|ecr|registry)\b|"
            + @"\b(images?|ecr|registry)\b.{0,80}\b401\b.{0,20}\bunauthorized\b"),
    ];

    private static readonly Phrase[] ImageNotFound =
    [
        Phrase.Of("manifest or repository not found", @"manifest (for .{0,120})?(unknown|not found)|repository .{0,200}not found"),
        Phrase.Of("the image or tag does not exist", @"(image|repository|tag) .{0,120}does not exist|failed to resolve ref|whether the image exists"),
        Phrase.Of("the registry refused the name", @"requested access to the resource is denied|name unknown"),
    ];

    private static readonly Phrase[] CannotPullInWords =
    [
        Phrase.Of("cannot pull the image, in words", @"(able|unable|fail\w*) to pull (the )?images?"),
        Phrase.Of("pulling from a registry named", @"pull\w* images? from (ecr|the registry|docker ?hub)"),
        Phrase.Of("registry credentials or reach named", @"ecr access keys|talk to the docker registry"),
        Phrase.Of("cannot pull images", @"cannot pull (the )?images?"),
        Phrase.Of("images not pull-able", @"not (be )?pull-?able"), // aws/containers-roadmap#476: "the images to not be pull-able for ECS Tasks"
        // Sweep (chat-a): aws-samples/Implementing-custom-domain-names-for-Amazon-API-Gateway-private-endpoints#19 ("ECS not pulling images"),
        // aws/amazon-ecs-agent#100 ("if you accidentally get the tag wrong ECS seems to hang"), eigr/spawn#520 ("the referenced tag cannot
        // be found in the registry"), andresionek91/airflow-autoscaling-ecs#14 ("not being able to find the image definition on ECR")
        Phrase.Of("not pulling the images", @"\b(not|isn'?t|aren'?t|wasn'?t|never) pulling (the |my |our |any |new )?(docker |container )?images?\b"),
        Phrase.Of("a wrong or missing tag", @"\b(get|got|had|has|with) the tag wrong\b|\b(wrong|mistyped|non-?existent) (image )?tag\b"
            + @"|\btag cannot be found\b"),
        Phrase.Of("the image cannot be found in the registry", @"\b(not being able to|not able to|unable to|can'?t|cannot|could not|couldn'?t) "
            + @"(find|locate)\b.{0,10}\b(the )?image\b.{0,40}\b(ecr|registry|repository)\b"),
    ];

    // Batch 18, kubernetes/kubernetes#37962: the kubelet's ECR credential provider logs "while requesting ECR authorization token"
    // with the error it got. A throttled GetAuthorizationToken still stops the pull, so the rate limit's words mean nothing more
    // here; the kubelet's own words, at the weight of the agent's registry-auth failure.
    private static readonly SignalRule KubeletEcrTokenFailed = SignalRule.AnyOf(Playbook, 0.95,
        "the kubelet could not fetch an ECR authorization token, so the pull cannot authenticate",
        Phrase.Of("the kubelet's ECR token request failed", @"requesting ecr authorization token")) with
    {
        ExplainsAway = _agentNotApp,
        RulesOutOutside = new HashSet<string>(StringComparer.Ordinal) { ApiRateLimit.Cause.Name },
    };

    // awsdocs/amazon-eks-user-guide#110 (the kubelet's "Failed create pod sandbox: ... failed pulling image \"...eks/pause-amd64\""),
    // awslabs/amazon-eks-ami#1597 (containerd's "failed to get sandbox image"): the sandbox failed for its own (pause) image, a pull
    // from ECR, not for its network, so the sandbox's words (playbook 10) are explained away; the kubelet's words, so a high weight.
    private static readonly SignalRule SandboxImageNotPulled = SignalRule.AnyOf(Playbook, 0.9, "the pod sandbox's own (pause) image could not be pulled",
        Phrase.Of("the sandbox image not pulled", @"failed to get sandbox image|create pod sandbox.{0,80}failed pulling image")) with
    {
        ExplainsAway = new HashSet<int> { EksPodsContainerCreating.Number },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        KubeletEcrTokenFailed,
        // The AccessDenied inside a pull error is the execution role's (ecr:BatchGetImage), not the app's (playbook 4).
        new(Playbook, 0.95, CannotPullContainerError(), "CannotPullContainerError: the container image could not be pulled") { ExplainsAway = _agentNotApp },
        SignalRule.AnyOf(Playbook, 0.92, "the kubelet could not pull the image", KubeletPullFailure), // kubelet's own words
        SignalRule.AnyOf(Playbook, 0.85, "an image pull failed", PullFailedWords), // pull failure, in words
        // agent's own words
        new(Playbook, 0.95, RegistryAuthRetrieval(), "registry authentication could not be fetched from ECR (execution role or network path to api.ecr)") { ExplainsAway = _agentNotApp },
        SignalRule.AnyOf(Playbook, 0.8, "sub-cause: the registry refused the credentials (auth denied)", RegistryAuthDenied), // sub-cause, registry's words
        SignalRule.AnyOf(Playbook, 0.8, "sub-cause: the image or tag does not exist", ImageNotFound), // sub-cause, registry's words
        new(Playbook, 0.9, RateLimited(), "sub-cause: the registry rate limit (toomanyrequests)"), // registry's own code
        new(Playbook, 0.6, TooManyRequests(), "sub-cause: the registry answered 429 Too Many Requests") { NotIn = Fields.Log }, // 429 alone: ambiguous
        new(Playbook, 0.8, DiskFullOnPull(), "sub-cause: the instance's disk filled up while pulling"), // sub-cause, daemon's words
        // sub-cause, a timeout
        new(Playbook, 0.75, RegistryUnreachable(), "sub-cause: no network path to the registry (NAT, internet gateway or ECR endpoints)"),
        // state alone
        new(Playbook, 0.45, PendingWithoutPods(), "stuck in PENDING with no pod in sight: on ECS that is the image or registry-auth pull stage") { OnlyIn = Fields.Symptom },
        // state alone
        new(Playbook, 0.55, TaskStuckInPending(), "a task stuck in PENDING is usually pulling its image or registry auth; the network evidence of playbook 1 applies"),
        SignalRule.AnyOf(Playbook, 0.75, "the image cannot be pulled, in an engineer's words", CannotPullInWords) with { OnlyIn = Fields.Symptom }, // no reason code, so lower
        SandboxImageNotPulled,
    ];

    // The agent's older name for an ECR pull failure (aws/amazon-ecs-agent#498, batch 21: "Reason CannotPullECRContainerError")
    [GeneratedRegex(@"cannotpull(ecr)?container|can'?t pull the image|cannot pull the image", RegexOptions.CultureInvariant)]
    private static partial Regex CannotPullContainerError();

    [GeneratedRegex(@"unable to retrieve ecr registry auth|ecr registry auth|registry auth from amazon ecr|getauthorizationtoken", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryAuthRetrieval();

    [GeneratedRegex(@"toomanyrequests|pull rate limit|increase-rate-limit", RegexOptions.CultureInvariant)]
    private static partial Regex RateLimited();

    [GeneratedRegex(@"\b429\b|too many requests", RegexOptions.CultureInvariant)]
    private static partial Regex TooManyRequests();

    [GeneratedRegex(@"(getimageblob|/var/lib/docker|pull\w*).{0,120}no space left on device", RegexOptions.CultureInvariant)]
    private static partial Regex DiskFullOnPull();

    // The task metadata endpoint's /v2/metadata and /v2/stats are no registry's /v2/ (aws/amazon-cloudwatch-agent#222, batch 22).
    [GeneratedRegex(@"(dkr\.ecr|api\.ecr|docker\.io|registry|/v2/(?!metadata|stats)|manifests?).{0,200}(i/o timeout|request canceled|context deadline exceeded|connection timed out|no such host|client\.timeout)", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryUnreachable();

    [GeneratedRegex(@"^(?!.*\b(pods?|eks|k8s|kubernetes|kubectl|karpenter|node ?group)\b).*\b(stuck|keeps?|remains?|stays?|hung|hang(s|ing)?|never get past)\b.{0,40}\bpending\b", RegexOptions.CultureInvariant)]
    private static partial Regex PendingWithoutPods();

    [GeneratedRegex(@"\btasks?\b(?!.{0,80}\bpods?\b).{0,60}\bpending\b(?!.{0,80}\bpods?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TaskStuckInPending();
}
