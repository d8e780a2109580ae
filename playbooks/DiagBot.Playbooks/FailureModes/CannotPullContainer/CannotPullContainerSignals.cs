using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 2: the image cannot be pulled. The sub-cause rules name which kind: not found, auth, rate limit, disk, network.</summary>
internal static partial class CannotPullContainerSignals
{
    private const int Playbook = CannotPullContainer.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the task's stoppedReason and container reason (aws ecs describe-tasks --query 'tasks[0].[stoppedReason,containers[].reason]'), or the pod's Failed event";

    // Declared before Rules: static initialisers run in textual order.
    private static readonly HashSet<int> _agentNotApp = [AppAccessDenied.Number];

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        // The AccessDenied inside a pull error is the execution role's (ecr:BatchGetImage), not the app's (playbook 4).
        new(Playbook, 0.95, CannotPullContainerError(), "CannotPullContainerError: the container image could not be pulled") { ExplainsAway = _agentNotApp },
        new(Playbook, 0.92, KubeletPullFailure(), "the kubelet could not pull the image"),
        new(Playbook, 0.85, PullFailedWords(), "an image pull failed"),
        new(Playbook, 0.95, RegistryAuthRetrieval(), "registry authentication could not be fetched from ECR (execution role or network path to api.ecr)") { ExplainsAway = _agentNotApp },
        new(Playbook, 0.8, RegistryAuthDenied(), "sub-cause: the registry refused the credentials (auth denied)"),
        new(Playbook, 0.8, ImageNotFound(), "sub-cause: the image or tag does not exist"),
        new(Playbook, 0.9, RateLimited(), "sub-cause: the registry rate limit (toomanyrequests)"),
        new(Playbook, 0.6, TooManyRequests(), "sub-cause: the registry answered 429 Too Many Requests") { NotIn = Fields.Log },
        new(Playbook, 0.8, DiskFullOnPull(), "sub-cause: the instance's disk filled up while pulling"),
        new(Playbook, 0.75, RegistryUnreachable(), "sub-cause: no network path to the registry (NAT, internet gateway or ECR endpoints)"),
        new(Playbook, 0.45, PendingWithoutPods(), "stuck in PENDING with no pod in sight: on ECS that is the image or registry-auth pull stage") { OnlyIn = Fields.Symptom },
        new(Playbook, 0.55, TaskStuckInPending(), "a task stuck in PENDING is usually pulling its image or registry auth; the network evidence of playbook 1 applies"),
        new(Playbook, 0.75, CannotPullInWords(), "the image cannot be pulled, in an engineer's words") { OnlyIn = Fields.Symptom }, // no reason code, so lower
    ];

    [GeneratedRegex(@"cannotpullcontainer|can'?t pull the image|cannot pull the image", RegexOptions.CultureInvariant)]
    private static partial Regex CannotPullContainerError();

    [GeneratedRegex(@"imagepullbackoff|errimagepull|back-?off pulling image|failed to pull and unpack image|invalidimagename", RegexOptions.CultureInvariant)]
    private static partial Regex KubeletPullFailure();

    [GeneratedRegex(@"(not able to|unable to|can'?t|cannot|couldn'?t|could not|fail\w* to) pull (?!secrets)|failed to pull image|error pulling image|pull access denied|pulling (the )?(image|container) fail", RegexOptions.CultureInvariant)]
    private static partial Regex PullFailedWords();

    [GeneratedRegex(@"unable to retrieve ecr registry auth|ecr registry auth|registry auth from amazon ecr|getauthorizationtoken", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryAuthRetrieval();

    [GeneratedRegex(@"no basic auth credentials|unauthorized: (authentication required|incorrect username or password)|ecr:(batchgetimage|getdownloadurlforlayer|batchchecklayeravailability)|permissions to pull images|may require 'docker login'", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryAuthDenied();

    [GeneratedRegex(@"manifest (for .{0,120})?(unknown|not found)|repository .{0,200}not found|(image|repository|tag) .{0,120}does not exist|failed to resolve ref|whether the image exists|requested access to the resource is denied|name unknown", RegexOptions.CultureInvariant)]
    private static partial Regex ImageNotFound();

    [GeneratedRegex(@"toomanyrequests|pull rate limit|increase-rate-limit", RegexOptions.CultureInvariant)]
    private static partial Regex RateLimited();

    [GeneratedRegex(@"\b429\b|too many requests", RegexOptions.CultureInvariant)]
    private static partial Regex TooManyRequests();

    [GeneratedRegex(@"(getimageblob|/var/lib/docker|pull\w*).{0,120}no space left on device", RegexOptions.CultureInvariant)]
    private static partial Regex DiskFullOnPull();

    [GeneratedRegex(@"(dkr\.ecr|api\.ecr|docker\.io|registry|/v2/|manifests?).{0,200}(i/o timeout|request canceled|context deadline exceeded|connection timed out|no such host|client\.timeout)", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryUnreachable();

    [GeneratedRegex(@"^(?!.*\b(pods?|eks|k8s|kubernetes|kubectl|karpenter|node ?group)\b).*\b(stuck|keeps?|remains?|stays?|hangs?|never get past)\b.{0,40}\bpending\b", RegexOptions.CultureInvariant)]
    private static partial Regex PendingWithoutPods();

    [GeneratedRegex(@"\btasks?\b(?!.{0,80}\bpods?\b).{0,60}\bpending\b(?!.{0,80}\bpods?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TaskStuckInPending();

    [GeneratedRegex(@"(able|unable|fail\w*) to pull (the )?images?|pull\w* images? from (ecr|the registry|docker ?hub)|ecr access keys|talk to the docker registry|cannot pull (the )?images?", RegexOptions.CultureInvariant)]
    private static partial Regex CannotPullInWords();
}
