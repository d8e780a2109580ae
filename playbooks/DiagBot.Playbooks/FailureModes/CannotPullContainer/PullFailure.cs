using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Ecs;

namespace DiagBot.Playbooks.FailureModes;

internal enum PullFailureKind
{
    Unclassified,
    ImageNotFound,
    AuthDenied,

    // "pull access denied" and the newer "Check that the role has the permissions" say either: CloudTrail decides.
    AuthOrNotFound,
    Network,
    RateLimit,
    DiskFull,
}

/// <summary>
/// Which kind of image-pull failure a message names. Markers are in normalised form (lower case, ASCII quotes) and
/// cover several generations: Docker's "Error response from daemon", containerd's "failed to resolve ref", the
/// ECS agent's "The task can't pull the image. Check ..." prefixes and Fargate's registry-auth wordings.
/// </summary>
internal static class PullFailure
{
    public static readonly string[] Markers =
    [
        "cannotpullcontainer", "can't pull the image", "cannot pull the image", "task cannot pull '", "pull image manifest",
        "failed to resolve ref", "pull access denied", "error pulling image", "failed to pull image", "ref pull has been retried",
        "ecr registry auth", "registry auth from", "pull command failed",
    ];

    private static readonly string[] RateLimitMarkers = ["toomanyrequests", "too many requests", "pull rate limit", "increase-rate-limit"];
    private static readonly string[] DiskMarkers = ["no space left on device"];
    private static readonly string[] AuthMarkers =
    [
        "not authorized to perform", "no basic auth credentials", "unauthorized", "403 forbidden", "accessdenied",
        "authorization token has expired", "incorrect username or password",
    ];

    private static readonly string[] NetworkMarkers =
    [
        "i/o timeout", "context deadline exceeded", "request canceled", "requestcanceled", "context canceled", "connection issue",
        "check your network configuration", "check your task network configuration", "no such host", "connection refused",
        "tls handshake timeout", "send request failed", "waiting for connection",
    ];

    private static readonly string[] NotFoundMarkers = ["not found", "manifest unknown", "name unknown", "does not exist"];
    private static readonly string[] AmbiguousMarkers = ["pull access denied", "check that the role has the permissions", "requested access to the resource is denied"];

    public static PullFailureKind Classify(TaskFailureText text) => text switch
    {
        _ when text.ContainsAny(RateLimitMarkers) => PullFailureKind.RateLimit,
        _ when text.ContainsAny(DiskMarkers) => PullFailureKind.DiskFull,
        _ when text.ContainsAny(AuthMarkers) => PullFailureKind.AuthDenied,
        _ when text.ContainsAny(NetworkMarkers) => PullFailureKind.Network,
        _ when text.ContainsAny(AmbiguousMarkers) => PullFailureKind.AuthOrNotFound,
        _ when text.ContainsAny(NotFoundMarkers) => PullFailureKind.ImageNotFound,
        _ => PullFailureKind.Unclassified,
    };

    /// <summary>The same kinds for a message that is no task's: the kubelet's "Failed to pull image" event, say.</summary>
    public static PullFailureKind Classify(string message) => Classify(new TaskFailureText(string.Empty, message, TextNormalizer.Normalize(message)));

    /// <summary>Secrets Manager and SSM failures share the "unable to pull secrets or registry auth" prefix; they are playbook 3's.</summary>
    public static bool IsAboutSecrets(TaskFailureText text) =>
        text.ContainsAny(SecretsFailure.SecretMarkers) && !text.ContainsAny(["ecr registry auth", "registry auth from"]);
}
