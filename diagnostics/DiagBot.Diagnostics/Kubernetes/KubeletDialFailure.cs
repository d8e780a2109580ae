using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// The API server could not reach a node's kubelet: reading a pod's log (or exec, attach, port-forward) is proxied by the
/// API server to the kubelet on port 10250, and when that dial fails the answer names it, e.g.
/// <c>Get "https://10.0.37.234:10250/containerLogs/default/nginx/nginx": dial tcp 10.0.37.234:10250: i/o timeout</c>
/// (terraform-aws-modules/terraform-aws-eks#2660) or for exec <c>error dialing backend: dial tcp 10.240.0.22:10250: i/o timeout</c>
/// (kelseyhightower/kubernetes-the-hard-way#511). The words are kube-apiserver's: logs go through
/// k8s.io/apiserver's LocationStreamer (pkg/registry/generic/rest/streamer.go), which returns net/http's
/// <c>Get "url": dial tcp ...</c> error unwrapped; exec and attach through k8s.io/apimachinery's UpgradeAwareHandler
/// (pkg/util/proxy/upgradeaware.go), which wraps it as <c>error dialing backend: %v</c>. Timeouts point at a security
/// group or a node gone; "connection refused" at a kubelet that is not listening.
/// </summary>
public sealed partial record KubeletDialFailure(string Address, int Port, string Error)
{
    public const int KubeletPort = 10250;

    /// <summary>
    /// True when the read got no answer at all within DiagBot's call timeout: kube-apiserver dials a kubelet with net/http's
    /// default dialer (k8s.io/apimachinery pkg/util/net SetTransportDefaults, 30 s), so against a node whose security group
    /// drops 10250 it says `dial tcp ...: i/o timeout` only after 30 s, and until then a proxied read simply waits.
    /// </summary>
    public bool StillDialing { get; init; }

    public static KubeletDialFailure? From(EvidenceGap? gap) => gap is null ? null : Parse(gap.Detail);

    /// <summary>A proxied read to the kubelet at <paramref name="hostIp"/> that timed out, while the API server itself answers.</summary>
    public static KubeletDialFailure? Unanswered(EvidenceGap? gap, string? hostIp) =>
        gap is { Reason: GapReason.TimedOut } && hostIp is not null
            ? new KubeletDialFailure(hostIp, KubeletPort, "no answer yet") { StillDialing = true }
            : null;

    public static KubeletDialFailure? Parse(string? message)
    {
        if (message is null || Dial().Match(message) is not { Success: true } match)
        {
            return null;
        }

        return new KubeletDialFailure(match.Groups["host"].Value, int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["error"].Value.Trim());
    }

    [GeneratedRegex(@"dial tcp \[?(?<host>[0-9a-fA-F.:]+?)\]?:(?<port>\d{1,5}): (?:connect: |getsockopt: )?(?<error>i/o timeout|connection refused|no route to host|[^\n""]{1,80})",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Dial();
}
