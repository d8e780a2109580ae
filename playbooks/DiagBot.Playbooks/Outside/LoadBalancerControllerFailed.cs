namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The AWS Load Balancer Controller on EKS could not build or deploy the load balancer for an Ingress or a Service: its
/// own role is denied an elasticloadbalancing or ec2 action, its service account's credentials fail, it finds no tagged
/// subnets, or it cannot reach the AWS API. The failure is the controller's, not the app's or the targets'. Wordings: the
/// controller's FailedBuildModel and FailedDeployModel events and its "Reconciler error" log as quoted in
/// kubernetes-sigs/aws-load-balancer-controller#3399, #3224, #2693, #2772 and #1935 and kubernetes/kops#13361; its source's
/// "couldn't auto-discover subnets" (pkg/ingress/model_build_load_balancer.go); the v1 alb-ingress-controller's "failed to
/// build LoadBalancer configuration due to" (aws-load-balancer-controller#924).
/// </summary>
internal static class LoadBalancerControllerFailed
{
    public static OutsideCause Cause { get; } = new(
        "load-balancer-controller-failed",
        "The AWS Load Balancer Controller could not build or update the load balancer for an Ingress or a Service (its IAM role lacks a "
            + "permission, its service account's credentials fail, no subnet is tagged for it, or it cannot reach the AWS API), so the load "
            + "balancer was never created or changed; the app and its pods are not at fault.",
        [
            "Read the Ingress's or Service's events (FailedBuildModel, FailedDeployModel) or the controller's log: the message names the AWS call "
                + "that failed and why.",
            "For AccessDenied or UnauthorizedOperation, attach the IAM policy published for the controller's version (docs/install/iam_policy.json "
                + "of that release) to the role its service account assumes, check the account's eks.amazonaws.com/role-arn annotation, and "
                + "restart the controller after fixing IRSA.",
            "For subnets it cannot discover, tag the public subnets kubernetes.io/role/elb=1 and the private ones kubernetes.io/role/internal-elb=1; "
                + "for a request that cannot be sent, let the controller reach the elasticloadbalancing endpoint (DNS, a NAT gateway or an endpoint).",
        ],
        context => context.ClusterWarnings(),
        [
            Phrase.Of("the controller could not build or deploy the load balancer", @"failed (build|deploy) model due to|failedbuildmodel|faileddeploymodel"),
            Phrase.Of("the controller found no subnet for the load balancer", @"couldn'?t auto-discover subnets"),
            Phrase.Of("the v1 ingress controller could not build the load balancer", @"failed to build loadbalancer configuration due to"),
            Phrase.Of("the controller was denied", @"(aws-load-balancer-controller|alb-ingress-controller|targetgroupbinding|elbv2\.k8s\.aws|"
                + @"controller-runtime\.manager\.controller).{0,300}(accessdenied|unauthorizedoperation|not authorized to perform)"),
        ],
        0.9,
        "the controller's own event or log, naming its failed call")
    {
        // The denied principal is the controller's role, and a load balancer never built is not a target group left empty.
        ExplainsAway = new HashSet<int> { FailureModes.AppAccessDenied.Number, FailureModes.Alb503NoTargets.Number },
    };
}
