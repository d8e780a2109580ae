using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.Elb;

internal static class ElbErrors
{
    public static AwsException LoadBalancerNotFound() => new("LoadBalancerNotFound", "One or more load balancers not found");

    public static AwsException TargetGroupNotFound() => new("TargetGroupNotFound", "One or more target groups not found");
}
