namespace DiagBot.Playbooks.Outside;

/// <summary>
/// An EKS managed node group reports a health issue: its instances did not launch or did not join, so no pod of
/// the cluster is at fault. Wordings: the "Managed node group error codes" of the EKS troubleshooting page
/// (awsdocs/amazon-eks-user-guide@4d52b4d:latest/ug/troubleshooting/troubleshooting.adoc, lines 113-180), as
/// `aws eks describe-nodegroup` prints them in `health.issues` ("NodeCreationFailure: Instances failed to join the kubernetes cluster").
/// </summary>
internal static class NodeGroupUnhealthy
{
    public static OutsideCause Cause { get; } = new(
        "nodegroup-unhealthy",
        "An EKS managed node group reports a health issue: its instances could not launch (capacity, the instance limit, its subnets' "
            + "free addresses, a missing AMI, launch template or role) or could not join the cluster. No pod or task caused it.",
        [
            "Read the node group's health issues: each names its code, the resources involved and the fix.",
            "For NodeCreationFailure, give the node role AmazonEKSWorkerNodePolicy and the nodes a route to the cluster endpoint, ECR and STS; "
                + "for InsufficientFreeAddresses or InstanceLimitExceeded, add subnets or ask for the limit.",
        ],
        // The nodes that joined, and their state: a kube context's name is not the EKS cluster's, so no node group listing.
        context => context.Nodes(),
        [
            // The codes' own names; "insufficientfreeaddressesinsubnet" (an ENI's error, playbooks 1 and 10) has no word boundary here.
            Phrase.Of("a managed node group's health issue code", @"\b(nodecreationfailure|asginstancelaunchfailures|insufficientfreeaddresses|"
                + @"instancelimitexceeded|clusterunreachable|amiidnotfound|autoscalinggroupnotfound|ec2securitygroupnotfound|"
                + @"ec2launchtemplatenotfound|ec2launchtemplateversionmismatch|iaminstanceprofilenotfound|iamnoderolenotfound)\b"),
            // The AccessDenied code's own description: the nodes, not an app, cannot authenticate to the API server.
            Phrase.Of("the managed nodes cannot authenticate to the cluster",
                @"managed nodes? (is|are|was|were) (failing|failed) to authenticate|eks:node-manager"),
        ],
        0.9,
        "EKS's own health issue codes")
    {
        // AccessDenied and "free addresses" appear in these codes and mean the nodes, not the app's role or a pod's IP.
        ExplainsAway = new HashSet<int> { FailureModes.AppAccessDenied.Number, FailureModes.EksPodsContainerCreating.Number },
    };
}
