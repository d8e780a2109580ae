using System.Globalization;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.LoadBalancing;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Why a target group of a service has no target in use, decided from configuration and ECS's own events.</summary>
internal sealed record NoTargetsCause(string SubCause, string Why, IReadOnlyList<string> Fix, string? Confirm)
{
    private const string InstanceTargetType = "instance";
    private const string IpTargetType = "ip";
    private const string NotInUseReason = "Target.NotInUse";
    private const string FailedToRegister = "failed to register targets";

    public static NoTargetsCause? Find(ServiceTargets targets, TargetGroupReading group)
    {
        var region = targets.Resolved.Region;
        var service = targets.Service;
        var mode = targets.NetworkMode;
        if (group.Group?.TargetType is { } type && mode is not null
            && ((type == InstanceTargetType && mode == ServiceTargets.AwsVpc) || (type == IpTargetType && mode != ServiceTargets.AwsVpc)))
        {
            var needed = mode == ServiceTargets.AwsVpc ? IpTargetType : InstanceTargetType;
            return new(
                Alb503NoTargetsPlaybook.TargetTypeMismatchSubCause,
                $"its TargetType is {type} while the tasks use {mode} networking{(mode == ServiceTargets.AwsVpc ? " (Fargate needs ip)" : string.Empty)}, so ECS cannot register them",
                [
                    $"Create a target group of type {needed} like {group.Name} (an existing group's target type cannot be changed): `aws elbv2 create-target-group --region {region} --name {group.Name}-{needed} --target-type {needed} --protocol {group.Group.Protocol ?? "HTTP"} --port {group.Group.Port ?? group.Binding.ContainerPort} --vpc-id {group.Group.VpcId} --health-check-path {group.Group.HealthCheckPath ?? "/"}`.",
                    $"Point the listener rules that forward to {group.Name} at the new group.",
                    $"Update service {service.ServiceName} to register container {group.Binding.ContainerName}:{group.Binding.ContainerPort} in the new group (`aws ecs update-service --load-balancers` with the new group's ARN), and delete {group.Name} once nothing uses it.",
                ],
                LoadBalancingCli.TargetGroupSetup(region, group.Arn));
        }

        if (group.Group is { LoadBalancerArns.Count: 0 })
        {
            return new(
                Alb503NoTargetsPlaybook.NotAttachedSubCause,
                $"it is attached to no load balancer (no listener rule forwards to it), so its targets stay unused ({NotInUseReason})",
                [$"Add a listener rule (or the listener's default action) on the load balancer that forwards to {group.Name}, or point service {service.ServiceName} at the target group the listener already uses."],
                LoadBalancingCli.TargetGroupSetup(region, group.Arn));
        }

        if (targets.Definition is { } definition && targets.ContainerOf(group) is var container
            && (container is null || container.PortMappings.All(p => p.ContainerPort != group.Binding.ContainerPort)))
        {
            var declared = container is null
                ? $"task definition {definition.Family}:{definition.Revision} has no container {group.Binding.ContainerName}"
                : $"container {container.Name} of {definition.Family}:{definition.Revision} maps only port(s) {string.Join(", ", container.PortMappings.Select(p => p.ContainerPort.ToString(CultureInfo.InvariantCulture)))}";
            return new(
                Alb503NoTargetsPlaybook.ContainerPortMismatchSubCause,
                $"the service registers container {group.Binding.ContainerName}:{group.Binding.ContainerPort} in {group.Name}, but {declared}",
                [
                    $"Make the service's loadBalancers entry and the task definition agree: add containerPort {group.Binding.ContainerPort} to container {group.Binding.ContainerName}'s portMappings in a new revision, or change the service's containerName/containerPort to what the container listens on.",
                    $"Deploy it: `aws ecs update-service --region {region} --cluster {targets.Resolved.ClusterName} --service {service.ServiceName} --task-definition {definition.Family} --force-new-deployment`.",
                ],
                LoadBalancingCli.TaskDefinitionPorts(region, definition.TaskDefinitionArn));
        }

        if (group.Health is { Count: > 0 } health && health.All(t => t.Reason == NotInUseReason) && group.Group is { LoadBalancerArns.Count: > 0 })
        {
            var zones = string.Join(", ", health.Select(t => t.AvailabilityZone).OfType<string>().Distinct());
            return new(
                Alb503NoTargetsPlaybook.ZoneNotEnabledSubCause,
                $"every target of {group.Name} is unused ({NotInUseReason}) although the group is attached, so the tasks run in Availability Zones ({zones}) the load balancer does not serve",
                [$"Enable the tasks' zones on the load balancer (`aws elbv2 set-subnets`), or run service {service.ServiceName} in subnets of the zones it already serves; cross-zone load balancing does not reach a zone that is not enabled."],
                null);
        }

        if (service.Events.FirstOrDefault(e => e.Message.Contains(FailedToRegister, StringComparison.OrdinalIgnoreCase)) is { } failed)
        {
            var error = failed.Message.IndexOf("(error ", StringComparison.Ordinal) is var at and >= 0 ? failed.Message[(at + 7)..].TrimEnd(')', '.') : failed.Message;
            return new(
                Alb503NoTargetsPlaybook.RegistrationFailedSubCause,
                $"ECS failed to register the tasks in {group.Name}: {error}",
                [$"Fix what the registration error names, then force a new deployment of {service.ServiceName} so ECS registers the tasks again."],
                LoadBalancingCli.ServiceLoadBalancers(region, targets.Resolved.ClusterName, service.ServiceName));
        }

        if (service.RunningCount == 0)
        {
            return new(
                Alb503NoTargetsPlaybook.NoRunningTasksSubCause,
                service.DesiredCount == 0
                    ? $"service {service.ServiceName} is scaled to 0 tasks, so nothing is registered"
                    : $"service {service.ServiceName} runs 0 of {service.DesiredCount} tasks, so nothing is registered; why its tasks do not start is the failure to diagnose next",
                [service.DesiredCount == 0
                    ? $"Scale the service up: `aws ecs update-service --region {region} --cluster {targets.Resolved.ClusterName} --service {service.ServiceName} --desired-count 1` (or the count it needs)."
                    : $"Diagnose why the tasks stop: `aws ecs list-tasks --region {region} --cluster {targets.Resolved.ClusterName} --service-name {service.ServiceName} --desired-status STOPPED` and ask DiagBot about one of them."],
                LoadBalancingCli.ServiceLoadBalancers(region, targets.Resolved.ClusterName, service.ServiceName));
        }

        return null;
    }
}
