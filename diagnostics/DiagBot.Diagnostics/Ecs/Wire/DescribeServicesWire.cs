using System.Text.Json.Serialization;

namespace DiagBot.Diagnostics.Ecs.Wire;

/// <summary>
/// Shapes from the Amazon ECS API Reference: DescribeServices, Service, Deployment, ServiceEvent,
/// DeploymentConfiguration, LoadBalancer, NetworkConfiguration, CapacityProviderStrategyItem.
/// </summary>
internal sealed record DescribeServicesRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("services")] IReadOnlyList<string> Services);

internal sealed record DescribeServicesResponse(
    [property: JsonPropertyName("services")] IReadOnlyList<ServiceWire>? Services,
    [property: JsonPropertyName("failures")] IReadOnlyList<FailureWire>? Failures);

internal sealed record ServiceWire(
    [property: JsonPropertyName("serviceArn")] string? ServiceArn,
    [property: JsonPropertyName("serviceName")] string? ServiceName,
    [property: JsonPropertyName("clusterArn")] string? ClusterArn,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("desiredCount")] int? DesiredCount,
    [property: JsonPropertyName("runningCount")] int? RunningCount,
    [property: JsonPropertyName("pendingCount")] int? PendingCount,
    [property: JsonPropertyName("launchType")] string? LaunchType,
    [property: JsonPropertyName("taskDefinition")] string? TaskDefinition,
    [property: JsonPropertyName("enableExecuteCommand")] bool? EnableExecuteCommand,
    [property: JsonPropertyName("healthCheckGracePeriodSeconds")] int? HealthCheckGracePeriodSeconds,
    [property: JsonPropertyName("deploymentConfiguration")] DeploymentConfigurationWire? DeploymentConfiguration,
    [property: JsonPropertyName("capacityProviderStrategy")] IReadOnlyList<CapacityProviderStrategyItemWire>? CapacityProviderStrategy,
    [property: JsonPropertyName("loadBalancers")] IReadOnlyList<LoadBalancerWire>? LoadBalancers,
    [property: JsonPropertyName("networkConfiguration")] NetworkConfigurationWire? NetworkConfiguration,
    [property: JsonPropertyName("deployments")] IReadOnlyList<DeploymentWire>? Deployments,
    [property: JsonPropertyName("events")] IReadOnlyList<ServiceEventWire>? Events);

internal sealed record DeploymentConfigurationWire(
    [property: JsonPropertyName("minimumHealthyPercent")] int? MinimumHealthyPercent,
    [property: JsonPropertyName("maximumPercent")] int? MaximumPercent,
    [property: JsonPropertyName("deploymentCircuitBreaker")] DeploymentCircuitBreakerWire? DeploymentCircuitBreaker);

internal sealed record DeploymentCircuitBreakerWire(
    [property: JsonPropertyName("enable")] bool? Enable,
    [property: JsonPropertyName("rollback")] bool? Rollback);

internal sealed record CapacityProviderStrategyItemWire(
    [property: JsonPropertyName("capacityProvider")] string? CapacityProvider,
    [property: JsonPropertyName("weight")] int? Weight,
    [property: JsonPropertyName("base")] int? Base);

internal sealed record LoadBalancerWire(
    [property: JsonPropertyName("targetGroupArn")] string? TargetGroupArn,
    [property: JsonPropertyName("loadBalancerName")] string? LoadBalancerName,
    [property: JsonPropertyName("containerName")] string? ContainerName,
    [property: JsonPropertyName("containerPort")] int? ContainerPort);

internal sealed record NetworkConfigurationWire(
    [property: JsonPropertyName("awsvpcConfiguration")] AwsVpcConfigurationWire? AwsvpcConfiguration);

internal sealed record AwsVpcConfigurationWire(
    [property: JsonPropertyName("subnets")] IReadOnlyList<string>? Subnets,
    [property: JsonPropertyName("securityGroups")] IReadOnlyList<string>? SecurityGroups,
    [property: JsonPropertyName("assignPublicIp")] string? AssignPublicIp);

internal sealed record DeploymentWire(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("taskDefinition")] string? TaskDefinition,
    [property: JsonPropertyName("desiredCount")] int? DesiredCount,
    [property: JsonPropertyName("runningCount")] int? RunningCount,
    [property: JsonPropertyName("pendingCount")] int? PendingCount,
    [property: JsonPropertyName("failedTasks")] int? FailedTasks,
    [property: JsonPropertyName("rolloutState")] string? RolloutState,
    [property: JsonPropertyName("rolloutStateReason")] string? RolloutStateReason,
    [property: JsonPropertyName("createdAt")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset? UpdatedAt);

internal sealed record ServiceEventWire(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("createdAt")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("message")] string? Message);
