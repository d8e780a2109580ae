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
}
