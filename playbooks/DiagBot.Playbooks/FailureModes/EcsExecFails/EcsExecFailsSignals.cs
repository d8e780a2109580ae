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
        // Chat sweep (chat-b), ovh/terraform-ovh-publiccloud-k8s#65: "kubectl cannot get logs"
        Phrase.Of("kubectl cannot get the logs", @"\bkubectl (cannot|can'?t|could not|couldn'?t|is unable to|unable to) (get|fetch|show|retrieve) "
            + @"(the )?logs\b"),
        // Batch 17, opsnull/follow-me-install-kubernetes-cluster#268: "无法进入pod内部", "cannot get into the pod" (kubectl exec), in Chinese
        Phrase.Of("cannot get into the pod, in Chinese", @"(无法|不能)进入 ?(pod|容器)|进不去 ?(pod|容器)"),
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

    // Chat sweep (chat-b), rancher/rancher#15716: "Only the features opening a shell, the kubectl console or to view the log don't work".
    // A shell that will not open into the container, told plainly, as ExecInWords.
    private static readonly SignalRule ShellWillNotOpen = SignalRule.AnyOf(Playbook, 0.8,
        "a shell or session into the container cannot be opened, in an engineer's words",
        Phrase.Of("a shell that will not open", @"\b(open\w*|get\w*|start\w*) (a |an )?(shell|terminal|session)\b.{0,60}\b(don'?t|doesn'?t|do not|"
            + @"does not|won'?t) "
            + @"(work|open|connect)|\b(can'?t|cannot|unable to|could not|couldn'?t|not able to) (open|get|start) (a |an )?(shell|terminal|session) "
            + @"(into|in|to|on)\b"),
        // Batch 22, aws/session-manager-plugin#72: "trying to connect to a container running in a Fargate task using the session manager"
        Phrase.Of("connecting to a container with Session Manager", @"\b(connect\w*|get\w*|log\w*) (in)?to (a|the|my) containers?\b.{0,80}"
            + @"\bsession ?manager\b"));

    // Batch 22, aws/session-manager-plugin#5: "An error occurred (TargetNotConnected) when calling the StartSession operation:
    // i-123456 is not connected": a Session Manager session to an EC2 instance. ECS Exec's errors come from ExecuteCommand, and a
    // session to a task names it "ecs:<cluster>_<task>_<runtime id>" (aws/amazon-ssm-agent#540, a session into a task: playbook 15).
    private static readonly SignalRule SessionToAnInstance = SignalRule.AnyOf(null, 0.9,
        "a Session Manager session to an EC2 instance failed (StartSession); ECS Exec's own call is ExecuteCommand",
        Phrase.Of("StartSession refused for an instance", @"^(?![\s\S]{0,1000}(execute-?command|\becs:))[\s\S]{0,1000}"
            + @"\bcalling the startsession operation\b")) with
    {
        ExplainsAway = new HashSet<int> { Playbook },
    };

    // Chat sweep (chat-b): ECS Exec set up or praised with nothing failing ("enables ECS Exec on the production and staging services and
    // grants the task role the four ssmmessages permissions it needs", trahloff/Aldine#48; "I love using the new ECS Exec behavior",
    // aws/aws-sdk-js#3898), the task RUNNING before its exec agent is ("reports that it's RUNNING before the Managed SSM Container is
    // RUNNING", the same), and a kubectl exec session that opened and hung later ("kubectl exec -it <pod> bash hangs after you type exit",
    // kubernetes/kubectl#1228; "do some work, get a drink, come back and it's hung", kubernetes/kubernetes#10056). The session opened, or
    // opens once the agent runs: playbook 15 is explained away. A question, or any word of failure or negation, keeps exec's words read
    // ("How do I enable `enable-execute-command`?", "Can not update my existing ECS service to enable execute command").
    private static readonly SignalRule ExecWorksOrWillWork = SignalRule.AnyOf(null, 0.95,
        "ECS Exec set up, still starting, or a session that opened: no exec failure",
        Phrase.Of("exec set up, nothing failing", @"^(?!.*(\b(fail\w*|error\w*|exception|cannot|unable|not|forgot|how|why|time ?out|timed out|hang\w*|"
            + @"stuck|denied|refused|"
            + @"problems?|issues?|didnt|doesnt|dont|wont|cant)\b|n't\b|\?)).*\b(enabl\w*|grants?|granted|love using|using the new|turn\w* on)\b.{0,60}"
            + @"\b(ecs exec|execute[- ]?command|ssmmessages)\b"),
        Phrase.Of("the exec agent not running yet", @"\bbefore (the )?(managed )?(ssm|exec\w*|executecommandagent)\b.{0,20}"
            + @"\b(is|was) \W?(running|ready|started)\b"),
        // rancher/rancher#13771: "After allowing inbound traffic to 10250 ... log and exec containers ... work as expected"
        Phrase.Of("it works after the fix", @"\bafter (allowing|adding|opening|enabling)\b.{0,200}\b(works?|worked|working) (as expected|fine|now)\b"),
        Phrase.Of("the session hung after it opened", @"\bhangs? after (you |i )?(type|typed|typing|enter\w*|run\w*) \W?exit\b|\bcome "
            + @"back\b.{0,30}\bhung\b")) with
    {
        ExplainsAway = new HashSet<int> { Playbook },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        ShellWillNotOpen,
        ExecWorksOrWillWork,
        SessionToAnInstance,
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
