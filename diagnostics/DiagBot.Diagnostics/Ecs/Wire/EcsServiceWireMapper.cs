namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>From the service and container-instance wire shapes to the public models.</summary>
internal static class EcsServiceWireMapper
{
    public static EcsService ToModel(ServiceWire service) => new()
    {
        ServiceArn = service.ServiceArn ?? string.Empty,
        ServiceName = service.ServiceName ?? string.Empty,
        ClusterArn = service.ClusterArn,
        Status = service.Status,
        DesiredCount = service.DesiredCount ?? 0,
        RunningCount = service.RunningCount ?? 0,
        PendingCount = service.PendingCount ?? 0,
        LaunchType = service.LaunchType,
        TaskDefinition = service.TaskDefinition,
        EnableExecuteCommand = service.EnableExecuteCommand ?? false,
        HealthCheckGracePeriodSeconds = service.HealthCheckGracePeriodSeconds,
        MinimumHealthyPercent = service.DeploymentConfiguration?.MinimumHealthyPercent,
        MaximumPercent = service.DeploymentConfiguration?.MaximumPercent,
        CircuitBreakerEnabled = service.DeploymentConfiguration?.DeploymentCircuitBreaker?.Enable,
        CircuitBreakerRollback = service.DeploymentConfiguration?.DeploymentCircuitBreaker?.Rollback,
        CapacityProviderStrategy = [.. (service.CapacityProviderStrategy ?? []).Select(c => new EcsCapacityProviderStrategyItem(c.CapacityProvider ?? string.Empty, c.Weight ?? 0, c.Base ?? 0))],
        LoadBalancers = [.. (service.LoadBalancers ?? []).Select(l => new EcsServiceLoadBalancer(l.TargetGroupArn, l.LoadBalancerName, l.ContainerName, l.ContainerPort))],
        NetworkConfiguration = service.NetworkConfiguration?.AwsvpcConfiguration is { } vpc
            ? new EcsAwsVpcConfiguration(vpc.Subnets ?? [], vpc.SecurityGroups ?? [], vpc.AssignPublicIp)
            : null,
        Deployments = [.. (service.Deployments ?? []).Select(d => new EcsDeployment(
            d.Id ?? string.Empty, d.Status, d.TaskDefinition, d.DesiredCount ?? 0, d.RunningCount ?? 0, d.PendingCount ?? 0,
            d.FailedTasks ?? 0, d.RolloutState, d.RolloutStateReason, d.CreatedAt, d.UpdatedAt))],
        Events = [.. (service.Events ?? []).Select(e => new EcsServiceEvent(e.Id, e.CreatedAt, e.Message ?? string.Empty))],
    };

    public static EcsContainerInstance ToModel(ContainerInstanceWire instance) => new()
    {
        ContainerInstanceArn = instance.ContainerInstanceArn ?? string.Empty,
        Ec2InstanceId = instance.Ec2InstanceId,
        Status = instance.Status,
        AgentConnected = instance.AgentConnected ?? false,
        RunningTasksCount = instance.RunningTasksCount ?? 0,
        PendingTasksCount = instance.PendingTasksCount ?? 0,
        CapacityProviderName = instance.CapacityProviderName,
        RemainingResources = Integers(instance.RemainingResources),
        RegisteredResources = Integers(instance.RegisteredResources),
    };

    private static Dictionary<string, int> Integers(IReadOnlyList<ResourceWire>? resources) => (resources ?? [])
        .Where(r => r.Name is not null && r.IntegerValue is not null)
        .GroupBy(r => r.Name!)
        .ToDictionary(g => g.Key, g => g.Last().IntegerValue!.Value);
}
