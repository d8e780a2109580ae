namespace DiagBot.Diagnostics.LoadBalancing;

/// <summary>One target of a target group and its health (State healthy, unhealthy, unused, draining, initial...).</summary>
public sealed record TargetHealthDescription(
    string TargetId,
    int? Port,
    string? AvailabilityZone,
    string? HealthCheckPort,
    string State,
    string? Reason,
    string? Description);
