using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

internal static class EcsClusters
{
    /// <summary>Operations without a cluster act on the account's "default" cluster, as ECS does.</summary>
    public static EcsCluster Resolve(SandboxWorld world, AwsCall call) =>
        world.Ecs.FindCluster(JsonRequest.String(call.Json, "cluster") ?? "default") ?? throw EcsErrors.ClusterNotFound();
}
