namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed record EcsFailure(string Arn, string Reason, string? Detail = null);
