namespace DiagBot.Playbooks.Commands;

/// <summary>kubectl commands with the real context, namespace and pod filled in.</summary>
public static class KubectlCli
{
    public static string DescribePod(string cluster, string @namespace, string pod) =>
        $"kubectl --context {cluster} -n {@namespace} describe pod {pod}";

    public static string NodesAllocatable(string cluster) =>
        $"kubectl --context {cluster} get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.allocatable.cpu,MEMORY:.status.allocatable.memory,TAINTS:.spec.taints";

    public static string AwsNodeEnvironment(string cluster) =>
        $"kubectl --context {cluster} -n kube-system get daemonset aws-node -o jsonpath='{{.spec.template.spec.containers[0].env}}'";

    /// <summary>The VPC CNI's DaemonSet: desired, current, ready, up-to-date and available pods.</summary>
    public static string AwsNodeDaemonSet(string cluster) =>
        $"kubectl --context {cluster} -n kube-system get ds aws-node";

    /// <summary>The VPC CNI's pods, one per node, with their readiness and restarts.</summary>
    public static string AwsNodePods(string cluster) =>
        $"kubectl --context {cluster} -n kube-system get pods -l k8s-app=aws-node";

    /// <summary>Each container's previous end (reason, exit code, when) and its memory request and limit.</summary>
    public static string LastTerminationAndMemory(string cluster, string @namespace, string pod) =>
        $"kubectl --context {cluster} -n {@namespace} get pod {pod} -o jsonpath='{{range .status.containerStatuses[*]}}{{.name}} restarts={{.restartCount}} last={{.lastState.terminated.reason}}/{{.lastState.terminated.exitCode}} at {{.lastState.terminated.finishedAt}}{{\"\\n\"}}{{end}}{{range .spec.containers[*]}}{{.name}} requests={{.resources.requests.memory}} limits={{.resources.limits.memory}}{{\"\\n\"}}{{end}}'";

    /// <summary>What the container wrote before it last exited.</summary>
    public static string PreviousLogs(string cluster, string @namespace, string pod, string container, int lines) =>
        $"kubectl --context {cluster} -n {@namespace} logs {pod} -c {container} --previous --tail {lines}";

    /// <summary>The container's last log lines: read through the API server from the kubelet, the path exec takes too.</summary>
    public static string LogTail(string cluster, string @namespace, string pod, string container) =>
        $"kubectl --context {cluster} -n {@namespace} logs {pod} -c {container} --tail 1";

    /// <summary>The node with its kubernetes.io/arch label as a column: amd64, or arm64 on Graviton.</summary>
    public static string NodeArchitecture(string cluster, string node) =>
        $"kubectl --context {cluster} get node {node} -L kubernetes.io/arch";

    /// <summary>The container's last log lines, of its previous run when it restarted.</summary>
    public static string Logs(string cluster, string @namespace, string pod, string container, bool previous, int lines) =>
        $"kubectl --context {cluster} -n {@namespace} logs {pod} -c {container}{(previous ? " --previous" : string.Empty)} --tail {lines}";

    public static string NodeConditions(string cluster, string node) =>
        $"kubectl --context {cluster} get node {node} -o jsonpath='{{range .status.conditions[*]}}{{.type}}={{.status}} {{.reason}}: {{.message}}{{\"\\n\"}}{{end}}'";

    public static string CanExec(string cluster, string @namespace) =>
        $"kubectl --context {cluster} -n {@namespace} auth can-i create pods --subresource=exec";

    /// <summary>An ephemeral debug container with a shell, sharing the target container's process namespace.</summary>
    public static string DebugShell(string cluster, string @namespace, string pod, string container) =>
        $"kubectl --context {cluster} -n {@namespace} debug -it {pod} --image=busybox:1.36 --target={container} -- sh";

    public static string Exec(string cluster, string @namespace, string pod, string container) =>
        $"kubectl --context {cluster} -n {@namespace} exec -it {pod} -c {container} -- sh";

    /// <summary>The pod's service account and each container's variable names: IRSA's AWS_ROLE_ARN or Pod Identity's, or neither.</summary>
    public static string PodCredentials(string cluster, string @namespace, string pod) =>
        $"kubectl --context {cluster} -n {@namespace} get pod {pod} -o jsonpath='serviceAccount={{.spec.serviceAccountName}}{{\"\\n\"}}"
        + "{range .spec.containers[*]}{.name}:{range .env[*]} {.name}{end}{\"\\n\"}{end}'";
}
