using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 8 on EKS: a container in CrashLoopBackOff. How did its last run end (exit code and reason), what did it
/// write before (the previous run's log), and which kind of loop is it: a crash, an OOM kill, a liveness probe, or a
/// program that finishes (exit 0) under restartPolicy Always.
/// </summary>
internal static class PodCrashLoop
{
    public const string NonZeroExitSubCause = "crash-loop-nonzero-exit";
    public const string ExitZeroSubCause = "crash-loop-exit-zero";
    public const string OomSubCause = "crash-loop-oom-killed";
    public const string LivenessSubCause = "crash-loop-liveness-probe";
    public const string ExecFormatSubCause = "crash-loop-exec-format-error";

    private const int LinesRead = PodTermination.LinesRead;

    public static async Task<Verdict> InvestigateAsync(IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var evidence = PodTermination.ContainerEvidence(pod).ToList();
        var looping = PodTermination.Looping(pod);
        if (looping is null)
        {
            var restarted = pod.ContainerStatuses.Where(s => s.RestartCount > 0).Select(s => $"{s.Name} restarted {s.RestartCount} time(s), last exit {PodTermination.Describe(s.LastTerminatedExitCode)} ({s.LastTerminatedReason ?? "no reason"}), and is {(s.Running ? "running" : "not running")} now").ToList();
            return For(playbook, VerdictStatus.RuledOut, $"Pod {pod.Namespace}/{pod.Name} is not in a crash loop: no container is in CrashLoopBackOff{(restarted.Count == 0 ? " or restarting" : $" ({string.Join("; ", restarted)})")}.")
                with { Evidence = evidence };
        }

        if (looping.WaitingMessage is { } backOff)
        {
            evidence.Add(new EvidenceItem("kubernetes:pods", $"container {looping.Name} state.waiting.message", backOff));
        }

        var (reason, exit) = (looping.LastTerminatedReason, looping.LastTerminatedExitCode);
        var liveness = PodTermination.LivenessKill(context.PodEvents, looping.Name);
        if (liveness is not null)
        {
            evidence.Add(new EvidenceItem("kubernetes:events", $"Killing ({liveness.Count} times)", liveness.Message ?? string.Empty));
        }

        var logs = await context.Evidence.Kubernetes.GetPodLogAsync(cluster, PodTermination.PreviousRun(pod, looping.Name), cancellationToken).ConfigureAwait(false);
        var lines = logs.Value?.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        // runc's "exec <path>: exec format error" names no level, yet it is the whole story: the entrypoint never ran.
        var execFormat = lines?.LastOrDefault(ImageArchitecture.HasExecFormatError);
        var fatal = execFormat ?? (lines is null ? null : CrashLastWords.FatalLine(lines));
        if (lines is not null)
        {
            evidence.Add(new EvidenceItem("kubernetes:pods/log", $"last error line of {looping.Name}'s previous run ({lines.Count} lines read)",
                fatal ?? (lines.Count > 0 ? $"(no error line; last line: {lines[^1]})" : "(it wrote nothing)")));
        }

        var subCause = reason == PodTermination.OomKilled ? OomSubCause : liveness is not null ? LivenessSubCause
            : execFormat is not null ? ExecFormatSubCause : exit == 0 ? ExitZeroSubCause : NonZeroExitSubCause;

        // The pod status proves the loop and how it ends; only an ordinary crash needs the app's own words to say why.
        var status = subCause != NonZeroExitSubCause || fatal is not null ? VerdictStatus.Confirmed : VerdictStatus.Likely;
        var what = $"Container {looping.Name} of pod {pod.Namespace}/{pod.Name} is in a crash loop: restarted {looping.RestartCount} times, its last run ended {reason ?? "(no reason)"} with exit {PodTermination.Describe(exit)}";
        return For(playbook, status, $"{what}; {Explain(subCause, fatal, lines, logs.Gap, pod)}") with
        {
            SubCause = subCause,
            Evidence = evidence,
            Missing = logs.Gap is { } gap ? [gap] : [],
            Fix = Fix(subCause, fatal, looping.Name, pod, cluster),
            Confirm = $"{KubectlCli.PreviousLogs(cluster, pod.Namespace, pod.Name, looping.Name, LinesRead)} && {KubectlCli.LastTerminationAndMemory(cluster, pod.Namespace, pod.Name)}",
        };
    }

    private static Verdict For(IPlaybook playbook, VerdictStatus status, string rootCause) =>
        Verdict.For(playbook, status, rootCause) with { Title = "Crash loop: a container keeps restarting" };

    private static string Explain(string subCause, string? fatal, List<string>? lines, EvidenceGap? gap, KubePod pod) => subCause switch
    {
        OomSubCause => "the kernel kills it for exceeding its memory limit each time (see playbook 7's verdict for the limit).",
        LivenessSubCause => "the kubelet kills it each time its liveness probe fails, so it never stays up long enough to pass.",
        ExecFormatSubCause => $"its entrypoint never runs: \"{fatal}\" is the kernel refusing a binary built for another CPU architecture "
            + "than the node's (playbook 14's verdict names both).",
        ExitZeroSubCause => $"it exits 0, a program that runs to completion, but restartPolicy {pod.RestartPolicy ?? "Always"} restarts every exit, so the kubelet backs off as if it crashed.",
        _ when fatal is not null => $"before exiting it wrote \"{fatal}\".",
        _ when lines is not null => "it wrote no error line before exiting.",
        _ => $"what it wrote before exiting could not be read ({gap?.Detail ?? "no log"}).",
    };

    private static List<string> Fix(string subCause, string? fatal, string container, KubePod pod, string cluster) => subCause switch
    {
        OomSubCause => [$"Raise resources.limits.memory of container {container} (playbook 7 gives the command) or reduce the app's memory use."],
        LivenessSubCause =>
        [
            $"Give container {container} time to start before liveness counts: add a startupProbe, or raise initialDelaySeconds / failureThreshold of the livenessProbe.",
            "Keep the liveness check cheap and local (no database or downstream calls), so a slow dependency does not restart the app.",
        ],
        ExecFormatSubCause =>
        [
            $"Build the image of container {container} for the node's CPU architecture, or for both (`docker buildx build --platform linux/amd64,linux/arm64`), "
                + "or keep the pod on nodes of the image's architecture with a nodeSelector on kubernetes.io/arch; playbook 14's verdict names both.",
        ],
        ExitZeroSubCause =>
        [
            $"If {container} is a task that finishes, run it as a Job or CronJob (restartPolicy OnFailure or Never), not in a Deployment.",
            $"If it should keep running, find why its main process returns: `{KubectlCli.PreviousLogs(cluster, pod.Namespace, pod.Name, container, LinesRead)}`; a script that starts a daemon in the background and exits is a common cause.",
        ],
        _ =>
        [
            fatal is not null
                ? $"Fix what container {container} reports before exiting (\"{fatal}\"): a missing setting goes into the pod template's env, a ConfigMap or a Secret; a code bug into a new image."
                : $"Make container {container} log why it exits, then fix that; `kubectl --context {cluster} -n {pod.Namespace} describe pod {pod.Name}` shows the exit code and the back-off.",
            PodTermination.DeploymentOf(pod) is { } deployment
                ? $"Until the fix ships, roll back: `kubectl --context {cluster} -n {pod.Namespace} rollout undo deployment/{deployment}`."
                : "Until the fix ships, roll the workload back to its last working revision.",
        ],
    };
}
