using System.Globalization;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// The container instances a service can be placed on, as far as DiagBot can find them: the hosts of its running
/// tasks and the one the scheduler's event names as closest matching. The evidence layer has no
/// ListContainerInstances, so an empty host that runs none of the service's tasks is not seen.
/// </summary>
internal sealed record ClusterCapacity(IReadOnlyList<EcsContainerInstance> Instances, IReadOnlyList<EvidenceGap> Missing)
{
    private const int RunningTasksRead = 10;

    public const string Cpu = "CPU";
    public const string Memory = "MEMORY";

    public static async Task<ClusterCapacity> ReadAsync(IEcsEvidence ecs, EcsService service, IEnumerable<string> namedInstanceIds, CancellationToken cancellationToken)
    {
        var (running, gaps) = await ServiceScope.TasksAsync(ecs, service, "RUNNING", RunningTasksRead, cancellationToken).ConfigureAwait(false);
        var arns = running.Select(t => t.ContainerInstanceArn).OfType<string>()
            .Concat(namedInstanceIds.Select(id => ToArn(service, id)))
            .Distinct()
            .ToList();
        if (arns.Count == 0 || service.ClusterArn is null)
        {
            return new ClusterCapacity([], gaps);
        }

        var described = await ecs.DescribeContainerInstancesAsync(service.ClusterArn, arns, cancellationToken).ConfigureAwait(false);
        return new ClusterCapacity(described.Value ?? [], described.Gap is null ? gaps : [.. gaps, described.Gap]);
    }

    /// <summary>What one more task needs: the task-level size, else the sum of its containers' (memory falls back to memoryReservation).</summary>
    public static (int Cpu, int Memory) Needs(EcsTaskDefinition definition)
    {
        var cpu = int.TryParse(definition.Cpu, NumberStyles.Integer, CultureInfo.InvariantCulture, out var taskCpu) ? taskCpu : definition.ContainerDefinitions.Sum(c => c.Cpu ?? 0);
        var memory = int.TryParse(definition.Memory, NumberStyles.Integer, CultureInfo.InvariantCulture, out var taskMemory)
            ? taskMemory
            : definition.ContainerDefinitions.Sum(c => c.Memory ?? c.MemoryReservation ?? 0);
        return (cpu, memory);
    }

    public static int Remaining(EcsContainerInstance instance, string resource) => instance.RemainingResources.GetValueOrDefault(resource);

    public static bool Fits(EcsContainerInstance instance, (int Cpu, int Memory) needs) =>
        instance.AgentConnected && instance.Status is null or "ACTIVE" && Remaining(instance, Cpu) >= needs.Cpu && Remaining(instance, Memory) >= needs.Memory;

    public static string IdOf(string containerInstanceArn) => containerInstanceArn[(containerInstanceArn.LastIndexOf('/') + 1)..];

    /// <summary>The fixed host ports of a bridge or host network task: one task per port per instance.</summary>
    public static IReadOnlyList<int> FixedHostPorts(EcsTaskDefinition definition) => definition.NetworkMode switch
    {
        "host" => [.. definition.ContainerDefinitions.SelectMany(c => c.PortMappings).Select(p => p.HostPort ?? p.ContainerPort).Where(p => p > 0).Distinct()],
        "bridge" or null when definition.RequiresCompatibilities.Contains("EC2") || definition.NetworkMode == "bridge" =>
            [.. definition.ContainerDefinitions.SelectMany(c => c.PortMappings).Select(p => p.HostPort ?? 0).Where(p => p > 0).Distinct()],
        _ => [],
    };

    private static string ToArn(EcsService service, string id)
    {
        if (Arn.TryParse(id, out _) || !Arn.TryParse(service.ClusterArn, out var cluster))
        {
            return id;
        }

        var clusterName = cluster.Resource[(cluster.Resource.IndexOf('/') + 1)..];
        return $"arn:{cluster.Partition}:ecs:{cluster.Region}:{cluster.AccountId}:container-instance/{clusterName}/{id}";
    }
}
