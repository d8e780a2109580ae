namespace DiagBot.Playbooks.Outside;

/// <summary>
/// A readiness or startup probe failing while the app starts. Readiness only withholds traffic; it restarts nothing.
/// Wordings: the kubelet's prober events (pkg/kubelet/prober/prober.go: "Readiness probe failed: ...") as quoted in
/// veryfront/veryfront-code#169, #189, knative/serving#1773, kurator-dev/kurator#424, netbox-community/netbox-chart#113.
/// </summary>
internal static class ReadinessProbeAtStartup
{
    public static OutsideCause Cause { get; } = new(
        "readiness-probe-at-startup",
        "A readiness or startup probe failed while the app was starting: Kubernetes withholds traffic until it passes, and a few such warnings during start-up are expected. It is a failure only if the pod never becomes Ready.",
        [
            "If the pod becomes Ready soon after, nothing is wrong: give the app a startupProbe or an initialDelaySeconds that covers its start-up.",
            "If it never becomes Ready, call the probe's path and port from inside the pod and compare with the container's listening port.",
        ],
        context => context.PodEvents(),
        [
            Phrase.Of("readiness or startup probe failed", @"(readiness|startup) probe failed|fail\w* (readiness|startup) probes?|(readiness|startup) (check|probe)s? (keeps? )?fail\w*"),
        ],
        0.9,
        "readiness gates traffic, it restarts nothing")
    {
        ExplainsAway = new HashSet<int>
        {
            FailureModes.Alb503NoTargets.Number, FailureModes.TargetsUnhealthy.Number, FailureModes.CrashLoop.Number,
        },
    };
}
