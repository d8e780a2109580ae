namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed record EcsCluster(string ClusterArn, string ClusterName, string Status = "ACTIVE");
