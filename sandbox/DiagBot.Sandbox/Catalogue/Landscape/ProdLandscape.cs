using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Landscape;

// The shared ground every scenario stands on: the `prod` cluster and its network.
internal static class ProdLandscape
{
    public const string ClusterName = "prod";

    public static EcsCluster Seed(SeedContext context) => EcsSeeds.Cluster(context, ClusterName);

    public static EcsCluster Cluster(SeedContext context) => context.World.Ecs.FindCluster(ClusterName)!;
}
