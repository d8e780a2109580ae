namespace DiagBot.Playbooks.FailureModes;

/// <summary>The fix steps for each reason the scheduler gives.</summary>
internal static class PendingFixes
{
    public static IReadOnlyList<string> For(string subCause) => subCause switch
    {
        SchedulingMessage.InsufficientResources =>
        [
            "Compare the pod's requests (`resources.requests`) with the nodes' allocatable CPU and memory below; requests larger than any node's allocatable can never schedule.",
            "Lower the requests to what the app needs, or add a node group with larger instances (or let Cluster Autoscaler / Karpenter scale one that fits).",
        ],
        SchedulingMessage.UntoleratedTaint =>
        [
            "Tainted nodes are reserved (e.g. `dedicated=batch`): add a matching toleration only if the pod belongs there.",
            "Otherwise make room on the untainted nodes or scale their node group.",
        ],
        SchedulingMessage.NodeAffinity =>
        [
            "Check the pod's nodeSelector and affinity against the node labels (`kubectl get nodes --show-labels`).",
            "Fix the selector, or label or scale a node group that matches it.",
        ],
        SchedulingMessage.NoNodes =>
        [
            "On EKS Fargate: create a Fargate profile whose selector matches the pod's namespace and labels (`aws eks list-fargate-profiles`).",
            "On EC2: check that a node group exists and its nodes are Ready.",
        ],
        _ =>
        [
            "Read the full FailedScheduling message in `kubectl describe pod`; each clause names the nodes it rules out.",
        ],
    };
}
