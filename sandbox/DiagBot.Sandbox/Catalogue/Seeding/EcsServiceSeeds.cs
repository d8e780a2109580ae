using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Catalogue.Landscape;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>Builds an ECS service in the steady state a healthy one shows; incidents adjust what is wrong with `with`.</summary>
internal static class EcsServiceSeeds
{
    public static EcsServiceResource Service(SeedContext context, EcsCluster cluster, string name, EcsTaskDefinition definition, int desiredCount,
        Func<EcsServiceResource, EcsServiceResource>? adjust = null)
    {
        var deploymentId = "ecs-svc/" + (Convert.ToInt64(SeedContext.Hex("svc/" + name, 15), 16) % 9_000_000_000_000_000_000L);
        var network = new EcsNetworkConfiguration(new EcsAwsVpcConfiguration([ProdLandscape.PrivateSubnetA, ProdLandscape.PrivateSubnetB], [ProdLandscape.AppSecurityGroup]));
        var service = new EcsServiceResource
        {
            ServiceArn = EcsArns.Service(context.Options, cluster.ClusterName, name),
            ServiceName = name,
            ClusterArn = cluster.ClusterArn,
            TaskDefinition = definition.TaskDefinitionArn,
            DesiredCount = desiredCount,
            RunningCount = desiredCount,
            LaunchType = "FARGATE",
            PlatformVersion = "LATEST",
            PlatformFamily = "Linux",
            NetworkConfiguration = network,
            CreatedAt = context.Ago(60 * 24 * 120),
            CreatedBy = $"arn:aws:iam::{context.Options.AccountId}:role/deploy-pipeline",
            RoleArn = $"arn:aws:iam::{context.Options.AccountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
            Deployments =
            [
                new EcsDeployment
                {
                    Id = deploymentId,
                    TaskDefinition = definition.TaskDefinitionArn,
                    DesiredCount = desiredCount,
                    RunningCount = desiredCount,
                    LaunchType = "FARGATE",
                    PlatformVersion = "1.4.0",
                    PlatformFamily = "Linux",
                    NetworkConfiguration = network,
                    CreatedAt = context.Ago(60 * 26),
                    UpdatedAt = context.Ago(60 * 25),
                    RolloutStateReason = "ECS deployment " + deploymentId + " completed.",
                },
            ],
            Events = [Event(context, name, 60 * 6, $"(service {name}) has reached a steady state.")],
        };
        service = adjust?.Invoke(service) ?? service;
        context.World.Ecs.Add(service);
        return service;
    }

    public static EcsServiceEvent Event(SeedContext context, string service, int minutesAgo, string message) =>
        new(Guid.Parse(SeedContext.Hex($"event/{service}/{minutesAgo}/{message}", 32)).ToString(), context.Ago(minutesAgo), message);

    public static string DeploymentId(EcsServiceResource service) => service.Deployments[0].Id;
}
