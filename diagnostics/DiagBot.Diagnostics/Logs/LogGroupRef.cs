namespace DiagBot.Diagnostics.Logs;

/// <summary>
/// A log group and where it lives. Region and account default to the configured ones; for an ECS container,
/// take them from the task definition's awslogs options and the task's ARN.
/// </summary>
public sealed record LogGroupRef(string LogGroupName, string? Region = null, string? AccountId = null);
