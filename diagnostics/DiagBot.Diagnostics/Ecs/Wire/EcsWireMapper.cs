namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>From the wire shapes to the public models playbooks read.</summary>
internal static class EcsWireMapper
{
    public static EcsTask ToModel(TaskWire task) => new()
    {
        TaskArn = task.TaskArn ?? string.Empty,
        ClusterArn = task.ClusterArn ?? string.Empty,
        TaskDefinitionArn = task.TaskDefinitionArn ?? string.Empty,
        LastStatus = task.LastStatus,
        DesiredStatus = task.DesiredStatus,
        StopCode = task.StopCode,
        StoppedReason = task.StoppedReason,
        LaunchType = task.LaunchType,
        CapacityProviderName = task.CapacityProviderName,
        ContainerInstanceArn = task.ContainerInstanceArn,
        Group = task.Group,
        Cpu = task.Cpu,
        Memory = task.Memory,
        AvailabilityZone = task.AvailabilityZone,
        PlatformVersion = task.PlatformVersion,
        EnableExecuteCommand = task.EnableExecuteCommand ?? false,
        CreatedAt = task.CreatedAt,
        PullStartedAt = task.PullStartedAt,
        PullStoppedAt = task.PullStoppedAt,
        StartedAt = task.StartedAt,
        ExecutionStoppedAt = task.ExecutionStoppedAt,
        StoppingAt = task.StoppingAt,
        StoppedAt = task.StoppedAt,
        Connectivity = task.Connectivity,
        ConnectivityAt = task.ConnectivityAt,
        HealthStatus = task.HealthStatus,
        Attributes = (task.Attributes ?? [])
            .Where(a => a.Name is not null)
            .GroupBy(a => a.Name!)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty),
        Containers = [.. (task.Containers ?? []).Select(ToModel)],
        Attachments = [.. (task.Attachments ?? []).Select(ToModel)],
    };

    public static EcsTaskDefinition ToModel(TaskDefinitionWire definition) => new()
    {
        TaskDefinitionArn = definition.TaskDefinitionArn ?? string.Empty,
        Family = definition.Family,
        Revision = definition.Revision ?? 0,
        NetworkMode = definition.NetworkMode,
        Cpu = definition.Cpu,
        Memory = definition.Memory,
        ExecutionRoleArn = definition.ExecutionRoleArn,
        TaskRoleArn = definition.TaskRoleArn,
        CpuArchitecture = definition.RuntimePlatform?.CpuArchitecture,
        OperatingSystemFamily = definition.RuntimePlatform?.OperatingSystemFamily,
        RequiresCompatibilities = definition.RequiresCompatibilities ?? [],
        ContainerDefinitions = [.. (definition.ContainerDefinitions ?? []).Select(ToModel)],
    };

    private static EcsContainer ToModel(ContainerWire container) => new()
    {
        Name = container.Name ?? string.Empty,
        Image = container.Image,
        LastStatus = container.LastStatus,
        ExitCode = container.ExitCode,
        Reason = container.Reason,
        RuntimeId = container.RuntimeId,
        Memory = Int(container.Memory),
        MemoryReservation = Int(container.MemoryReservation),
        HealthStatus = container.HealthStatus,
        ManagedAgents = [.. (container.ManagedAgents ?? []).Select(a => new EcsManagedAgent(a.Name ?? string.Empty, a.LastStatus, a.Reason))],
    };

    private static int? Int(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static EcsAttachment ToModel(AttachmentWire attachment) => new(
        attachment.Type ?? string.Empty,
        attachment.Status,
        (attachment.Details ?? [])
            .Where(d => d.Name is not null)
            .GroupBy(d => d.Name!)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty));

    private static EcsContainerDefinition ToModel(ContainerDefinitionWire container) => new()
    {
        Name = container.Name ?? string.Empty,
        Image = container.Image,
        Essential = container.Essential ?? true,
        Cpu = container.Cpu,
        Memory = container.Memory,
        MemoryReservation = container.MemoryReservation,
        StopTimeout = container.StopTimeout,
        PortMappings = [.. (container.PortMappings ?? []).Select(p => new EcsPortMapping(p.ContainerPort ?? 0, p.HostPort, p.Protocol))],
        LogConfiguration = container.LogConfiguration is { } log
            ? new EcsLogConfiguration(log.LogDriver ?? string.Empty, log.Options ?? new Dictionary<string, string>())
            : null,
        Secrets = [.. (container.Secrets ?? []).Select(s => new EcsSecret(s.Name ?? string.Empty, s.ValueFrom ?? string.Empty))],
    };
}
