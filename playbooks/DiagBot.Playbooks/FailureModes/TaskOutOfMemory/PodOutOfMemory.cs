using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 7 on EKS: a container ended OOMKilled (the kernel's cgroup OOM killer, exit 137), or exited 137 for another
/// reason (the kubelet's SIGKILL after a failed liveness probe or the termination grace period), which is not memory.
/// </summary>
internal static class PodOutOfMemory
{
    public const string OomSubCause = OomReason.SubCause;
    public const string OomWithoutLimitSubCause = "oom-without-memory-limit";
    public const string LivenessKillSubCause = "sigkill-after-liveness-probe";
    public const string GracePeriodSubCause = "sigkill-after-grace-period";

    private static readonly string[] NodeOomReasons = ["OOMKilling", "SystemOOM"];

    public static async Task<Verdict> InvestigateAsync(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var evidence = PodTermination.ContainerEvidence(pod).ToList();
        var oom = pod.ContainerStatuses.FirstOrDefault(s => PodTermination.LastEnd(s).Reason == PodTermination.OomKilled || s.LastTerminatedReason == PodTermination.OomKilled);
        var killed = oom ?? pod.ContainerStatuses.FirstOrDefault(s => PodTermination.LastEnd(s).ExitCode == ExitCodes.SigKill);
        if (killed is null)
        {
            return Verdict.For(playbook, VerdictStatus.RuledOut, $"No container of pod {pod.Namespace}/{pod.Name} was OOMKilled or exited 137.") with { Evidence = evidence };
        }

        var spec = pod.Containers.FirstOrDefault(c => c.Name == killed.Name);
        evidence.Add(PodTermination.MemoryEvidence(spec, killed.Name));
        return oom is not null
            ? await OutOfMemoryAsync(playbook, context, pod, cluster, killed, spec, evidence, cancellationToken).ConfigureAwait(false)
            : SigKill(playbook, context, pod, cluster, killed, evidence);
    }

    private static async Task<Verdict> OutOfMemoryAsync(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, KubeContainerStatus killed, KubeContainer? spec, List<EvidenceItem> evidence, CancellationToken cancellationToken)
    {
        // Events about a node are recorded in the default namespace; node-problem-detector reports cgroup OOM kills there.
        // The pod's memory metrics go out beside them (triage's prefetch has usually asked already).
        var memoryRead = PodMemoryMetrics.ReadAsync(context.Evidence, cluster, pod, cancellationToken);
        var nodeEvents = pod.NodeName is { } node
            ? await context.Evidence.Kubernetes.ListEventsForAsync(cluster, "default", "Node", node, cancellationToken).ConfigureAwait(false)
            : null;
        var (memory, memoryGap) = await memoryRead.ConfigureAwait(false);
        foreach (var e in (nodeEvents?.Value ?? []).Where(e => NodeOomReasons.Contains(e.Reason)))
        {
            evidence.Add(new EvidenceItem("kubernetes:events", $"node {pod.NodeName} {e.Reason} ({e.Count} times, {e.SourceComponent})", e.Message ?? string.Empty));
        }

        var limit = spec?.Limits.GetValueOrDefault("memory");
        var eks = context.Evidence.Kubernetes.EksClusterOf(cluster);
        if (memory is not null && eks is not null)
        {
            evidence.AddRange(PodMemoryEvidence.Facts(memory, pod, eks.ClusterName, PodMemoryEvidence.MiB(limit)));
        }

        var deployment = PodTermination.DeploymentOf(pod);
        var target = deployment is null ? $"the workload that owns pod {pod.Name}" : $"deployment/{deployment}";
        var rootCause = limit is null
            ? $"Container {killed.Name} of pod {pod.Namespace}/{pod.Name} was OOMKilled (exit {PodTermination.Describe(PodTermination.LastEnd(killed).ExitCode ?? killed.LastTerminatedExitCode)}) with no memory limit: the node itself ran out of memory and the kernel killed it."
            : $"Container {killed.Name} of pod {pod.Namespace}/{pod.Name} ran out of memory: it used more than its {limit} limit and the kernel OOM-killed it (OOMKilled, exit 137); it has restarted {killed.RestartCount} times.";
        return Verdict.For(playbook, VerdictStatus.Confirmed, rootCause) with
        {
            SubCause = limit is null ? OomWithoutLimitSubCause : OomSubCause,
            Evidence = evidence,
            Missing = [.. new[] { nodeEvents?.Gap, memoryGap }.OfType<Diagnostics.Evidence.EvidenceGap>()],
            Charts = memory is null ? [] : PodMemoryEvidence.Charts(memory, pod, killed.Name, PodMemoryEvidence.MiB(limit)),
            Fix =
            [
                $"Compare the container's peak memory with {limit ?? "the node's allocatable memory"}: `kubectl --context {cluster} -n {pod.Namespace} top pod {pod.Name} --containers` (metrics-server) or Container Insights.",
                Doubled(limit) is { } larger
                    ? $"Raise resources.limits.memory of container {killed.Name}, and requests.memory to match so the scheduler reserves it, e.g. to twice today's: `kubectl --context {cluster} -n {pod.Namespace} set resources {target} -c {killed.Name} --limits=memory={larger} --requests=memory={larger}` (size it from the measured peak; change the manifest too, or the next apply reverts it)."
                    : $"Set resources.limits.memory and requests.memory of container {killed.Name} in the manifest of {target}, sized from the measured peak.",
                "If usage grows without bound, look for a leak or cap the runtime's heap below the limit (e.g. -XX:MaxRAMPercentage=75, --max-old-space-size).",
                .. memory is { HasContainerInsights: false } && eks is not null
                    ? [PodMemoryEvidence.TurnOnContainerInsights(eks.ClusterName, eks.Scope.Region)]
                    : Array.Empty<string>(),
            ],
            Confirm = KubectlCli.LastTerminationAndMemory(cluster, pod.Namespace, pod.Name),
        };
    }

    // "256Mi" becomes "512Mi": a starting point for the fix, in the unit the manifest already uses.
    private static string? Doubled(string? quantity)
    {
        var match = quantity is null ? null : System.Text.RegularExpressions.Regex.Match(quantity, @"^(\d+)(Ki|Mi|Gi|K|M|G)?$");
        return match is { Success: true } && long.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{amount * 2}{match.Groups[2].Value}")
            : null;
    }

    // The kubelet stops a container with SIGTERM and, after terminationGracePeriodSeconds, SIGKILL: 137 with reason Error.
    private static Verdict SigKill(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, KubeContainerStatus killed, List<EvidenceItem> evidence)
    {
        var grace = pod.TerminationGracePeriodSeconds ?? PodTermination.DefaultGracePeriodSeconds;
        var liveness = PodTermination.LivenessKill(context.PodEvents, killed.Name);
        var failure = PodTermination.LivenessFailure(context.PodEvents);
        if (liveness is not null)
        {
            evidence.Add(new EvidenceItem("kubernetes:events", $"Killing ({liveness.Count} times)", liveness.Message ?? string.Empty));
        }

        if (failure is not null)
        {
            evidence.Add(new EvidenceItem("kubernetes:events", $"Unhealthy ({failure.Count} times)", failure.Message ?? string.Empty));
        }

        var why = liveness is not null
            ? $"the kubelet killed it because its liveness probe failed ({failure?.Message ?? liveness.Message})"
            : "the kubelet stopped it (a pod deletion, eviction or rollout)";
        return Verdict.For(playbook, VerdictStatus.RuledOut,
                $"Not memory: container {killed.Name} of pod {pod.Namespace}/{pod.Name} exited 137 with reason {PodTermination.LastEnd(killed).Reason ?? killed.LastTerminatedReason ?? "(none)"}, not OOMKilled: {why}, and it did not exit within the {grace} s grace period after SIGTERM, so it got SIGKILL.")
            with
            {
                SubCause = liveness is not null ? LivenessKillSubCause : GracePeriodSubCause,
                Evidence = evidence,
                Fix =
                [
                    liveness is not null
                        ? $"Make the liveness probe of {killed.Name} tolerate slow spells (a larger timeoutSeconds or failureThreshold), and keep it to a cheap check that does not depend on downstream services."
                        : $"If the stop was expected, nothing is wrong with memory; to stop cleanly, make {killed.Name} exit promptly on SIGTERM (run it as PID 1 or behind an init such as tini).",
                    $"If shutdown genuinely needs longer than {grace} s, raise terminationGracePeriodSeconds in the pod spec.",
                ],
                Confirm = $"{KubectlCli.LastTerminationAndMemory(cluster, pod.Namespace, pod.Name)} && {KubectlCli.DescribePod(cluster, pod.Namespace, pod.Name)}",
            };
    }
}
