using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 15: ECS Exec or kubectl exec cannot open a session into a running container.</summary>
internal static partial class EcsExecFailsSignals
{
    private const int Playbook = EcsExecFails.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the task's enableExecuteCommand and ExecuteCommandAgent status (aws ecs describe-tasks --query 'tasks[0].[enableExecuteCommand,containers[].managedAgents]')";

    private static readonly Phrase[] EcsExec =
    [
        Phrase.Of("ExecuteCommand named", @"executecommand|execute[- ]command|ecs exec\b"),
        Phrase.Of("the SSM target is not connected", @"targetnotconnected"),
        Phrase.Of("the Session Manager plugin is missing", @"sessionmanagerplugin is not found|session ?manager ?plugin (is )?not (found|installed)"),
        Phrase.Of("the exec agent or ssmmessages", @"ssmmessages|executecommandagent"),
        // The sweep (issue 19), aws/amazon-ecs-agent agent/engine/execcmd/manager_start.go: "Exec command agent failed to start for container"
        Phrase.Of("the exec agent did not start", @"exec ?command ?agent failed to start"),
        // Batch 19, aws-containers/amazon-ecs-exec-checker#47: the SSM agent in the task cannot open its control channel to
        // ssmmessages ("Failed to get controlchannel token, error: CreateControlChannel failed ..."), so no session can start
        Phrase.Of("the SSM agent cannot open its control channel", @"createcontrolchannel failed|failed to get controlchannel token"),
    ];

    private static readonly Phrase[] KubectlExec =
    [
        Phrase.Of("kubectl exec named", @"kubectl exec"),
        Phrase.Of("the API server cannot reach the kubelet", @"unable to upgrade connection|error dialing backend"),
        Phrase.Of("exec in the container failed", @"pods/exec|error executing command in container|oci runtime exec failed"),
        Phrase.Of("exec into a pod, in words", @"exec into (the |a )?(pod|container)|exec to pod|exec(ing)? into pods?"),
        // hashicorp/terraform-provider-aws#10978: "I cannot kubectl logs my pods"
        Phrase.Of("kubectl logs or exec refused, in words", @"(cannot|can'?t|could not|couldn'?t|unable to|not able to) (run )?kubectl (logs|exec)"),
    ];

    // Issue 19, batch 12: exec and logs failing together, the pair that shares the API server's path to the kubelet
    // (ovh/terraform-ovh-publiccloud-k8s#124: "When I run exec/logs command through kubelet the error occurs that connection refused").
    // The pair named is a hint, not the error itself: below the plain-words rules.
    private static readonly SignalRule KubeletPathNamed = SignalRule.AnyOf(Playbook, 0.7,
        "exec and logs named together: the API server's path to the kubelet",
        Phrase.Of("exec and logs together", @"\bexec ?(/|or|and|&) ?logs?\b|\blogs ?(/|or|and|&) ?exec\b"));

    // The kubelet's port, which the normaliser keeps: only the API server's path to the kubelet (logs, exec, port-forward)
    // dials it. kubernetes/kubernetes#40817: "error dialing backend: dial tcp 172.18.10.229:10250: getsockopt: connection
    // refused"; batch 12's "I made an ingress rule for 10250 on cluster/node sg". A hint below exec's own words.
    private static readonly SignalRule KubeletPortNamed = SignalRule.AnyOf(Playbook, 0.75,
        "the kubelet's port 10250 named: the API server's path for kubectl logs and exec",
        Phrase.Of("a dial to the kubelet's port failed", @"<ip>:10250\b.{0,40}(i/o timeout|connection refused|no route to host|timed out|tls handshake)"),
        Phrase.Of("the kubelet's port named", @"\b10250\b"));

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        KubeletPathNamed,
        KubeletPortNamed,
        // ECS Exec's own words
        SignalRule.AnyOf(Playbook, 0.93, "ECS Exec (execute-command) cannot open a session: enableExecuteCommand, the ExecuteCommandAgent, ssmmessages or the task role's SSM permissions", EcsExec),
        SignalRule.AnyOf(Playbook, 0.9, "kubectl exec cannot open a session into the container", KubectlExec), // kubectl's own words
        new(Playbook, 0.93, ExecNeedsTaskRole(), "ECS refused to turn on execute-command: the task has no valid task role"), // UpdateService's and RunTask's own refusal
        new(Playbook, 0.88, KubeletLogsUnreachable(), "the API server cannot reach the kubelet (port 10250) for kubectl logs or exec"), // same path as exec, logs asked
        new(Playbook, 0.8, ExecInWords(), "exec into the task or pod fails, in an engineer's words"), // exec failing, said plainly
        // logs take exec's path
        new(Playbook, 0.85, KubectlLogsStuck(), "kubectl logs cannot reach the kubelet (it times out or cannot dial the node)"),
        // The sweep (issue 19), kubectl's pkg/cmd/exec/exec.go: "cannot exec into a container in a completed pod; current phase is
        // Succeeded". The pod has ended, so there is nothing to enter and no path to the kubelet is at fault. kubectl's own refusal.
        new(null, 0.95, CompletedPod(), "kubectl refused exec because the pod has completed: no running container to enter")
        {
            ExplainsAway = new HashSet<int> { Playbook },
        },
    ];

    [GeneratedRegex(@"cannot exec into a container in a completed pod", RegexOptions.CultureInvariant)]
    private static partial Regex CompletedPod();

    /// <summary>
    /// Words about kubectl exec or logs failing on a pod: triage then reads the kubelet path (a one-line log read, the
    /// node's instance, the cluster) beside the pod's events, so the playbook has them when it starts.
    /// </summary>
    public static bool AboutKubectl(string? words)
    {
        var text = TextNormalizer.Normalize(words);
        return text.Length > 0
            && (KubectlExec.Any(phrase => phrase.Pattern.IsMatch(text))
                || KubeletLogsUnreachable().IsMatch(text) || KubectlLogsStuck().IsMatch(text) || ExecInWords().IsMatch(text));
    }

    [GeneratedRegex(@"valid taskrolearn is not being used|valid task role is not being used", RegexOptions.CultureInvariant)]
    private static partial Regex ExecNeedsTaskRole();

    // kubernetes/kubernetes#71343: "/containerLogs/...?follow=true: net/http: TLS handshake timeout"
    [GeneratedRegex(@"/containerlogs/.{0,200}(i/o timeout|connection refused|no route to host|timed out|tls handshake timeout)", RegexOptions.CultureInvariant)]
    private static partial Regex KubeletLogsUnreachable();

    // "kubectl logs -f ... hangs", "kubectl logs times out", "kubectl logs: error dialing backend ... i/o timeout"
    [GeneratedRegex(@"kubectl logs\b.{0,80}(time[sd]? ?out|timed out|timeout|hang(s|ing)?\b|error dialing backend|dial tcp)", RegexOptions.CultureInvariant)]
    private static partial Regex KubectlLogsStuck();

    [GeneratedRegex(@"target not connect\w*|(cannot|can't|could not|couldn't|unable to) (docker )?exec into|(retriev\w*|getting|view\w*) (pod )?logs.{0,40}timeout|timeout\W{0,3} error when retrieving logs", RegexOptions.CultureInvariant)]
    private static partial Regex ExecInWords();
}
