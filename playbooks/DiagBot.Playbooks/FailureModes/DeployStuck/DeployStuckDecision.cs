using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 12's verdict from the scheduler's placement event, the task's size and what the hosts have left.</summary>
internal sealed record DeployStuckDecision(VerdictStatus Status, string? SubCause, string RootCause)
{
    private const int FullHealth = 100;

    public static DeployStuckDecision Decide(EcsService service, PlacementEvent placement, EcsTaskDefinition? definition, ClusterCapacity capacity, bool allRead, TimeSpan stuckFor)
    {
        var name = service.ServiceName;
        var minimum = service.MinimumHealthyPercent ?? FullHealth;
        var maximum = service.MaximumPercent ?? 200;
        var stuck = $"the deployment of {name} has been in progress for {DeployStuckPlaybook.Minutes(stuckFor)} minutes";
        switch (placement.Problem)
        {
            case PlacementProblem.DeploymentConfiguration:
                return new(VerdictStatus.Confirmed, DeployStuckPlaybook.DeploymentConfigurationSubCause,
                    $"ECS can neither start nor stop tasks of {name}: minimumHealthyPercent {minimum} and maximumPercent {maximum} leave it no room to replace a task, so {stuck}.");

            case PlacementProblem.NoContainerInstances:
                return new(VerdictStatus.Confirmed, DeployStuckPlaybook.NoContainerInstancesSubCause,
                    $"ECS cannot place tasks of {name} because no container instance is registered in the cluster (the scheduler's own event says so), so {stuck}.");

            case PlacementProblem.AgentError:
                var disconnected = capacity.Instances.Where(i => !i.AgentConnected).ToList();
                return new(disconnected.Count > 0 && allRead ? VerdictStatus.Confirmed : VerdictStatus.Likely, DeployStuckPlaybook.NoContainerInstancesSubCause,
                    disconnected.Count > 0
                        ? $"The ECS agent is disconnected on {string.Join(", ", disconnected.Select(i => i.Ec2InstanceId ?? ClusterCapacity.IdOf(i.ContainerInstanceArn)))}, so ECS cannot place tasks of {name} there and {stuck}."
                        : $"The scheduler reports an agent error on the closest matching container instance, so it cannot place tasks of {name} and {stuck}.");

            case PlacementProblem.PortInUse:
                var ports = definition is null ? [] : ClusterCapacity.FixedHostPorts(definition);
                return new(ports.Count > 0 && allRead ? VerdictStatus.Confirmed : VerdictStatus.Likely, DeployStuckPlaybook.PortConflictSubCause,
                    ports.Count > 0
                        ? $"Every container instance already runs a task holding host port {string.Join(", ", ports)} ({definition!.NetworkMode ?? "bridge"} networking with a fixed hostPort), so a new task of {name} cannot start beside an old one and {stuck}."
                        : $"The closest matching container instance already uses a port a task of {name} needs, so {stuck}{(definition is null ? "; the task definition's port mappings could not be read" : string.Empty)}.");

            case PlacementProblem.Other:
                // Fargate's refusals (task quota, CPU or MEMORY configuration above a limit) are not about container instances.
                return new(VerdictStatus.Likely, DeployStuckPlaybook.PlacementRefusedSubCause,
                    $"ECS refuses to place tasks of {name} (\"{placement.Event.Message}\"), so {stuck}.");

            default:
                return Capacity(name, placement, definition, capacity, allRead, minimum, maximum, stuck);
        }
    }

    private static DeployStuckDecision Capacity(string name, PlacementEvent placement, EcsTaskDefinition? definition, ClusterCapacity capacity, bool allRead, int minimum, int maximum, string stuck)
    {
        var resource = placement.Problem == PlacementProblem.InsufficientCpu ? "CPU" : "memory";
        if (definition is null || capacity.Instances.Count == 0)
        {
            return new(VerdictStatus.Likely, DeployStuckPlaybook.NoSpareCapacitySubCause,
                $"ECS reports that no container instance has enough {resource} for a new task of {name}, so {stuck}; the task size or the instances' remaining resources could not be read to show it.");
        }

        var needs = ClusterCapacity.Needs(definition);
        var fitting = capacity.Instances.Where(i => ClusterCapacity.Fits(i, needs)).ToList();
        var left = string.Join("; ", capacity.Instances.Select(i => $"{i.Ec2InstanceId ?? ClusterCapacity.IdOf(i.ContainerInstanceArn)} has {ClusterCapacity.Remaining(i, ClusterCapacity.Cpu)} CPU units and {ClusterCapacity.Remaining(i, ClusterCapacity.Memory)} MiB left"));
        if (fitting.Count > 0)
        {
            return new(VerdictStatus.Likely, DeployStuckPlaybook.NoSpareCapacitySubCause,
                $"ECS reported no room for a new task of {name} ({needs.Cpu} CPU units, {needs.Memory} MiB), but {fitting[0].Ec2InstanceId ?? ClusterCapacity.IdOf(fitting[0].ContainerInstanceArn)} has room now ({left}); capacity may have been freed since the event.");
        }

        var why = minimum >= FullHealth
            ? $"with minimumHealthyPercent {minimum} ECS must start each new task before stopping an old one (maximumPercent {maximum})"
            : $"even with minimumHealthyPercent {minimum} the cluster has no room for the new tasks";
        return new(allRead ? VerdictStatus.Confirmed : VerdictStatus.Likely, DeployStuckPlaybook.NoSpareCapacitySubCause,
            $"No container instance has room for a new task of {name} ({needs.Cpu} CPU units, {needs.Memory} MiB: {left}), and {why}, so {stuck}.");
    }
}
