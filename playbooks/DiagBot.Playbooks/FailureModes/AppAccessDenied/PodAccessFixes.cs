using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The fix steps of playbook 4 on EKS, with the pod's namespace, service account and role filled in.</summary>
internal static class PodAccessFixes
{
    public static List<string> For(string subCause, KubePod pod, string serviceAccount, KubeAwsCredentials credentials, AccessDenial denial)
    {
        var action = denial.Action ?? "the denied action";
        var resource = denial.Resource ?? "the resource named in the error";
        var owner = pod.Owner is { Kind: "ReplicaSet" } replicaSet
            ? $"deployment/{replicaSet.Name[..Math.Max(0, replicaSet.Name.LastIndexOf('-'))]}"
            : "its workload";
        // The account is the one the denied principal lives in; the role name is a suggestion, the role does not exist yet.
        var account = denial.PrincipalArn?.Split(':') is [_, _, _, _, var id, ..] && id.Length == 12 ? id : "<account-id>";
        var newRole = $"arn:aws:iam::{account}:role/{pod.Namespace}-{serviceAccount}";
        var resourcePolicy = "If the resource has its own policy (a KMS key policy, an S3 bucket policy, an SQS queue policy), allow the role there too; "
            + "an explicit Deny or an SCP named in the error wins over any Allow.";

        // https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html and pod-id-association.html:
        // the webhooks inject credentials when a pod is created, so running pods only pick a new role up when restarted.
        return subCause switch
        {
            AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause when credentials.Source is null =>
            [
                $"Give service account {pod.Namespace}/{serviceAccount} an IAM role that allows {action} on {resource}: with IRSA, "
                    + $"`kubectl -n {pod.Namespace} annotate serviceaccount {serviceAccount} eks.amazonaws.com/role-arn={newRole}` "
                    + "(a role trusting the cluster's OIDC provider for this service account); or an EKS Pod Identity association for it "
                    + "(`aws eks create-pod-identity-association`, a role trusting pods.eks.amazonaws.com).",
                $"Restart the pods so the webhook injects the credentials: `kubectl -n {pod.Namespace} rollout restart {owner}`.",
                "Do not grant the call to the node's instance role: every pod on the node would get it. Block pods from the instance metadata "
                    + "service (IMDSv2 with a hop limit of 1) so none can fall back to it.",
            ],
            AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause =>
            [
                "Upgrade the app's AWS SDK to a version that reads web identity (IRSA) or container (Pod Identity) credentials; "
                    + "the EKS user guide lists the minimum versions per SDK.",
                "Remove credentials the app sets itself (access keys, a profile, an explicit instance-metadata provider) "
                    + "so the default chain finds the pod's role first.",
            ],
            AppAccessDeniedPlaybook.ServiceAccountRoleDeniedSubCause when credentials.RoleArn is { } role =>
            [
                $"Allow {action} on {resource} in a policy on {AccessDenial.NameOf(role)}: `aws iam put-role-policy --role-name {AccessDenial.NameOf(role)} "
                    + $"--policy-name allow-{action.Replace(':', '-').Replace('*', 'x')} --policy-document file://policy.json`.",
                resourcePolicy,
            ],
            AppAccessDeniedPlaybook.OtherPrincipalSubCause =>
            [
                "Find where the app gets these credentials (AWS_ACCESS_KEY_ID in its environment or a Secret, an explicit AssumeRole, a profile in the image) "
                    + "and grant the call there, or remove them so the pod's role is used.",
                resourcePolicy,
            ],
            _ =>
            [
                $"Give the pod a role that allows {action} on {resource} (IRSA or EKS Pod Identity on service account {pod.Namespace}/{serviceAccount}).",
                resourcePolicy,
            ],
        };
    }
}
