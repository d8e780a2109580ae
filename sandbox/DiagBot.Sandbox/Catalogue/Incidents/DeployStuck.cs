using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 12: an EC2-backed service with minimumHealthyPercent 100 must start new tasks before stopping old ones,
/// but neither container instance has the memory for one more task, so the deployment never progresses.
/// </summary>
internal sealed class DeployStuck : ICatalogueEntry
{
    public const string Name = "p12-deploy-stuck";
    public const string ClusterName = "prod-ec2";
    private const string ServiceName = "search-indexer";

    public SandboxScenario Seed(SeedContext context)
    {
        var cluster = EcsSeeds.Cluster(context, ClusterName);
        var instances = new[] { "a", "b" }.Select(n => Ec2Instance(context, cluster, n)).ToList();

        EcsTaskDefinition Revision(int revision, string tag) => EcsSeeds.TaskDefinition(context, ServiceName, revision, cpu: "1024", memory: "3072",
            EcsSeeds.Container("indexer", EcsSeeds.Image(context, ServiceName, tag), memory: 3072)) with { NetworkMode = "bridge", RequiresCompatibilities = ["EC2"] };
        var old = Revision(11, "9.0.1");
        var next = Revision(12, "9.1.0");
        context.World.Ecs.Add(old);
        context.World.Ecs.Add(next);

        foreach (var instance in instances)
        {
            EcsSeeds.FargateTask(context, cluster, $"{Name}/{instance.Ec2InstanceId}", old, TaskLife.Running(context, ServiceName, minutesAgo: 60 * 30),
                adjustTask: t => t with { LaunchType = "EC2", ContainerInstanceArn = instance.ContainerInstanceArn, Attachments = [], PlatformVersion = null, PlatformFamily = null, EphemeralStorage = null });
        }

        var unable = $"(service {ServiceName}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance {EcsArns.LastSegment(instances[0].ContainerInstanceArn)}) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
        EcsServiceSeeds.Service(context, cluster, ServiceName, next, desiredCount: 2, s => s with
        {
            LaunchType = "EC2",
            PlatformVersion = null,
            PlatformFamily = null,
            NetworkConfiguration = null,
            Deployments =
            [
                s.Deployments[0] with { Id = "ecs-svc/4719302846651023981", TaskDefinition = next.TaskDefinitionArn, RunningCount = 0, LaunchType = "EC2", PlatformVersion = null, PlatformFamily = null, NetworkConfiguration = null, RolloutState = "IN_PROGRESS", RolloutStateReason = "ECS deployment ecs-svc/4719302846651023981 in progress.", CreatedAt = context.Ago(95), UpdatedAt = context.Ago(95) },
                s.Deployments[0] with { Status = "ACTIVE", TaskDefinition = old.TaskDefinitionArn, LaunchType = "EC2", PlatformVersion = null, PlatformFamily = null, NetworkConfiguration = null },
            ],
            Events = [.. new[] { 2, 33, 64, 95 }.Select(m => EcsServiceSeeds.Event(context, ServiceName, m, unable))],
        });

        return new SandboxScenario(Name, 12, $"service {ServiceName} in {ClusterName}",
            "Deployment of search-indexer IN_PROGRESS for 95 minutes: minimumHealthyPercent 100 and no container instance has 3 GiB free for a new task.");
    }

    private static EcsContainerInstance Ec2Instance(SeedContext context, EcsCluster cluster, string name)
    {
        var id = SeedContext.Hex("ci/" + name, 32);
        var instance = new EcsContainerInstance
        {
            ClusterArn = cluster.ClusterArn,
            ContainerInstanceArn = EcsArns.ContainerInstance(context.Options, cluster.ClusterName, id),
            Ec2InstanceId = SeedContext.AwsId("i", "prod-ec2/" + name),
            RegisteredAt = context.Ago(60 * 24 * 20),
            RunningTasksCount = 1,
            RegisteredResources = [new("CPU", "INTEGER", 2048), new("MEMORY", "INTEGER", 7680), new("PORTS", "STRINGSET", StringSetValue: ["22", "2375", "2376", "51678", "51679"])],
            RemainingResources = [new("CPU", "INTEGER", 1024), new("MEMORY", "INTEGER", 1536), new("PORTS", "STRINGSET", StringSetValue: ["22", "2375", "2376", "51678", "51679"])],
            Attributes = [new EcsAttribute("ecs.instance-type", "m5.large"), new EcsAttribute("ecs.availability-zone", context.Zone('a')), new EcsAttribute("ecs.os-type", "linux")],
        };
        context.World.Ecs.Add(instance);
        return instance;
    }
}
