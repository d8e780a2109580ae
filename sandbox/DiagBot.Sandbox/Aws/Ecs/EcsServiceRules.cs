using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>
/// What CreateService refuses about a service's load balancers, with ECS's own InvalidParameterException text, so no
/// seeded service is in a state AWS would not have let anyone create. The wordings, as ECS answers them:
/// - target type vs network mode: "The provided target group &lt;arn&gt; has target type instance, which is incompatible with the
///   awsvpc network mode specified in the task definition." (quoted in riboseinc/terraform-aws-ecs-gitlab#5 and
///   hashicorp/terraform-provider-aws#11723), and "... has target type ip, which is incompatible with the bridge network
///   mode specified in the task definition." (hashicorp/terraform#24266);
/// - a group ECS cannot describe: "Unable to assume role and validate the specified targetGroupArn. Please verify that the
///   ECS service role being passed has the proper permissions." (retried on by hashicorp/terraform-provider-aws);
/// - a port the container does not publish: "The container &lt;name&gt; did not have a container port &lt;port&gt; defined." (quoted
///   in many public troubleshooting notes of CreateService and CodeDeploy failures);
/// - a group no listener forwards to: "The target group with targetGroupArn &lt;arn&gt; does not have an associated load
///   balancer." (retried on by hashicorp/terraform-provider-aws's aws_ecs_service, quoted by Cloud Control handlers).
/// </summary>
internal static class EcsServiceRules
{
    public static void CheckCreateService(SandboxWorld world, EcsServiceResource service)
    {
        var definition = world.Ecs.TaskDefinitions.FirstOrDefault(d => d.TaskDefinitionArn == service.TaskDefinition)
            ?? throw EcsErrors.TaskDefinitionNotFound();
        foreach (var balancer in service.LoadBalancers)
        {
            var group = world.Elb.TargetGroups.FirstOrDefault(g => g.TargetGroupArn == balancer.TargetGroupArn)
                ?? throw EcsErrors.InvalidParameter($"Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.");
            if (Incompatible(group.TargetType, definition.NetworkMode))
            {
                throw EcsErrors.InvalidParameter(
                    $"The provided target group {group.TargetGroupArn} has target type {group.TargetType}, which is incompatible with the {definition.NetworkMode} network mode specified in the task definition.");
            }

            if (world.Elb.LoadBalancersForwardingTo(group.TargetGroupArn).Count == 0)
            {
                throw EcsErrors.InvalidParameter($"The target group with targetGroupArn {group.TargetGroupArn} does not have an associated load balancer.");
            }

            if (!definition.ContainerDefinitions.Any(c => c.Name == balancer.ContainerName && c.PortMappings.Any(p => p.ContainerPort == balancer.ContainerPort)))
            {
                throw EcsErrors.InvalidParameter(
                    $"The container {balancer.ContainerName} did not have a container port {balancer.ContainerPort} defined.");
            }
        }
    }

    // awsvpc tasks have their own ENI and register by IP; bridge and host tasks register the instance and a host port.
    private static bool Incompatible(string targetType, string networkMode) => (targetType, networkMode) switch
    {
        ("instance", "awsvpc") => true,
        ("ip", "bridge") => true,
        _ => false,
    };
}
