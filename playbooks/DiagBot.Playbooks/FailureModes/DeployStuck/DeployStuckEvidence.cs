using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>The evidence and fix steps of playbook 12: the deployment, its placement events, the task's size, the hosts' room.</summary>
internal static class DeployStuckEvidence
{
    private const int EventsShown = 2;

    public static IEnumerable<EvidenceItem> Service(EcsService service, EcsDeployment? deployment, DateTimeOffset now, IReadOnlyList<PlacementEvent> placements)
    {
        if (deployment is not null)
        {
            var age = deployment.CreatedAt is { } created ? $", started {DeployStuckPlaybook.Minutes(now - created)} minutes ago" : string.Empty;
            yield return new EvidenceItem("ecs:DescribeServices", $"deployment {deployment.Id} rollout, running / desired",
                string.Create(CultureInfo.InvariantCulture, $"{deployment.RolloutState ?? "(none)"}, {deployment.RunningCount} / {deployment.DesiredCount}{age}"));
        }

        yield return new EvidenceItem("ecs:DescribeServices", "minimumHealthyPercent / maximumPercent",
            $"{Text(service.MinimumHealthyPercent)} / {Text(service.MaximumPercent)}");
        yield return new EvidenceItem("ecs:DescribeServices", "launch type", service.LaunchType ?? (service.CapacityProviderStrategy.Count > 0 ? "capacity provider strategy" : "(none)"));
        foreach (var group in placements.GroupBy(p => p.Event.Message).Take(EventsShown))
        {
            yield return new EvidenceItem("ecs:DescribeServices", $"placement event ({group.Count().ToString(CultureInfo.InvariantCulture)} in the window)", group.Key);
        }
    }

    public static IEnumerable<EvidenceItem> Capacity(EcsTaskDefinition? definition, ClusterCapacity capacity)
    {
        if (definition is not null)
        {
            var (cpu, memory) = ClusterCapacity.Needs(definition);
            yield return new EvidenceItem("ecs:DescribeTaskDefinition", $"{definition.Family}:{definition.Revision} needs (CPU units, MiB), network mode",
                string.Create(CultureInfo.InvariantCulture, $"{cpu}, {memory}, {definition.NetworkMode ?? "(default)"}"));
            if (ClusterCapacity.FixedHostPorts(definition) is { Count: > 0 } ports)
            {
                yield return new EvidenceItem("ecs:DescribeTaskDefinition", "fixed host ports (one task per instance each)", string.Join(", ", ports));
            }
        }

        foreach (var i in capacity.Instances)
        {
            yield return new EvidenceItem("ecs:DescribeContainerInstances", $"{i.Ec2InstanceId ?? ClusterCapacity.IdOf(i.ContainerInstanceArn)} status, agent, remaining CPU / MiB",
                string.Create(CultureInfo.InvariantCulture, $"{i.Status ?? "(none)"}, agentConnected={(i.AgentConnected ? "true" : "false")}, {ClusterCapacity.Remaining(i, ClusterCapacity.Cpu)} / {ClusterCapacity.Remaining(i, ClusterCapacity.Memory)}"));
        }
    }

    public static List<string> Fix(string? subCause, EcsService service, EcsTaskDefinition? definition, string region, string cluster)
    {
        var update = $"aws ecs update-service --region {region} --cluster {cluster} --service {service.ServiceName}";
        var ports = definition is null ? [] : ClusterCapacity.FixedHostPorts(definition);
        var dynamicPorts = ports.Count > 0
            ? $"Fixed host port {string.Join(", ", ports)} allows one task per instance: use dynamic host ports (hostPort 0, with the load balancer's target group) or awsvpc networking."
            : null;
        List<string> steps = subCause switch
        {
            DeployStuckPlaybook.DeploymentConfigurationSubCause =>
                [$"Give the deployment room: `{update} --deployment-configuration minimumHealthyPercent=50,maximumPercent=200` (either a maximum above 100 or a minimum below 100)."],
            DeployStuckPlaybook.NoContainerInstancesSubCause =>
            [
                $"Check that the cluster's Auto Scaling group has running instances and that their user data sets ECS_CLUSTER={cluster}.",
                "On an instance whose agent is disconnected, read /var/log/ecs/ecs-agent.log and restart the agent (`sudo systemctl restart ecs`); check that the instance role has AmazonEC2ContainerServiceforEC2Role and a route to the ECS endpoint.",
            ],
            DeployStuckPlaybook.PlacementRefusedSubCause =>
                ["Act on the reason the event gives: request a higher Fargate task quota in Service Quotas, or size the task within Fargate's CPU and memory combinations."],
            DeployStuckPlaybook.PortConflictSubCause =>
                [dynamicPorts ?? "Use dynamic host ports (hostPort 0) or awsvpc networking so two tasks can run on one instance.", $"Or let ECS stop an old task first: `{update} --deployment-configuration minimumHealthyPercent=50,maximumPercent=100`."],
            _ =>
            [
                $"Let ECS stop an old task before starting its replacement: `{update} --deployment-configuration minimumHealthyPercent=50,maximumPercent=200` (keep enough running for the load).",
                "Or add capacity: raise the Auto Scaling group's desired count, or use a capacity provider with managed scaling so ECS adds instances for pending tasks.",
                "Or shrink the task: lower the task definition's memory/cpu if the app does not use what it reserves.",
            ],
        };
        if (dynamicPorts is not null && subCause == DeployStuckPlaybook.NoSpareCapacitySubCause)
        {
            steps.Add(dynamicPorts);
        }

        return steps;
    }

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(default)";
}
