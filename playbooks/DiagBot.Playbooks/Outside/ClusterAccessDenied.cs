namespace DiagBot.Playbooks.Outside;

/// <summary>
/// kubectl itself could not authenticate to the EKS cluster: the person's or pipeline's IAM principal has no access entry
/// (or aws-auth mapping), so nothing in the cluster was read or at fault. Wordings: the "Unauthorized or access denied
/// (kubectl)" section of the EKS troubleshooting page (awsdocs/amazon-eks-user-guide@4d52b4d:latest/ug/troubleshooting/troubleshooting.adoc,
/// lines 71-90): "could not get token: AccessDenied: Access denied" and "error: You must be logged in to the server (Unauthorized)".
/// </summary>
internal static class ClusterAccessDenied
{
    public static OutsideCause Cause { get; } = new(
        "cluster-access-denied",
        "kubectl could not authenticate to the EKS cluster: the IAM principal it signs in as has no access entry or aws-auth mapping, "
            + "or kubeconfig names another principal. The workloads' own roles are not involved.",
        [
            "Check which principal kubectl uses (aws sts get-caller-identity) and update kubeconfig with aws eks update-kubeconfig for the right one.",
            "Give that principal an EKS access entry with an access policy (aws eks create-access-entry, associate-access-policy), or map it in aws-auth.",
        ],
        // Who kubectl signs in as is the first fact; a kube context's name is not the EKS cluster's, so no access-entry listing.
        _ => "aws sts get-caller-identity",
        [
            // aws eks get-token / aws-iam-authenticator, as kubectl's exec credential plugin prints it
            Phrase.Of("kubectl's token could not be made", @"(could not|couldn'?t) get token"),
            Phrase.Of("kubectl was refused by the API server", @"must be logged in to the server"),
        ],
        0.93,
        "kubectl's own refusal, before any cluster object is read")
    {
        // Its AccessDenied is STS's answer to the person's principal, not the app's.
        ExplainsAway = new HashSet<int> { FailureModes.AppAccessDenied.Number },
    };
}
