using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>A service's task definition and target groups with their targets' health, and what could not be read.</summary>
internal sealed record ServiceTargets(
    LoadBalancedService Resolved,
    EcsService Service,
    EcsTaskDefinition? Definition,
    IReadOnlyList<TargetGroupReading> Groups,
    List<EvidenceItem> Evidence,
    List<EvidenceGap> Missing)
{
    public const string AwsVpc = "awsvpc";

    // A task definition without networkMode runs in bridge mode on Linux EC2 instances.
    private const string DefaultEc2NetworkMode = "bridge";

    /// <summary>The container the load balancer sends traffic to, as the task definition declares it.</summary>
    public EcsContainerDefinition? ContainerOf(TargetGroupReading group) =>
        Definition?.ContainerDefinitions.FirstOrDefault(c => c.Name == group.Binding.ContainerName);

    /// <summary>
    /// The task's network mode: the task definition's, else what the service proves (Fargate and an awsvpcConfiguration
    /// exist only in awsvpc mode). Null when neither says.
    /// </summary>
    public string? NetworkMode => Definition is { } definition
        ? definition.NetworkMode ?? DefaultEc2NetworkMode
        : (Service.LaunchType == "FARGATE" || Service.NetworkConfiguration is not null || Service.CapacityProviderStrategy.Any(c => c.CapacityProvider.StartsWith("FARGATE", StringComparison.Ordinal))
            ? AwsVpc
            : null);
}
