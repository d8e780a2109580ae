using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.Elb;

internal static class ElbErrors
{
    public static AwsException LoadBalancerNotFound() => new("LoadBalancerNotFound", "One or more load balancers not found");

    public static AwsException TargetGroupNotFound() => new("TargetGroupNotFound", "One or more target groups not found");

    /// <summary>
    /// The wording the ELBv2 API answers, as the AWS Load Balancer Controller's events quote it (kubernetes-sigs/aws-load-balancer-controller).
    /// </summary>
    public static AwsException ListenerNotFound() => new("ListenerNotFound", "One or more listeners not found");

    public static AwsException RuleNotFound() => new("RuleNotFound", "One or more rules not found");
}
