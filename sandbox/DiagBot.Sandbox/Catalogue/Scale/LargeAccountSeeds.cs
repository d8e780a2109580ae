using System.Globalization;
using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Scale;

/// <summary>
/// Seeds one account's share of the large estate: clusters team-00..team-39 (those of this account), 50 Fargate
/// services each with one running task, ten tasks each that a deployment stopped within the hour, and an `ip`
/// target group for every fourth service on its cluster's load balancer. Each account has its own VPC, so task
/// addresses are unique within it.
/// </summary>
internal static class LargeAccountSeeds
{
    // ECS's own wording when a deployment replaces a task (the service scheduler's stop reason).
    private const string ScaledIn = "Scaling activity initiated by (deployment {0})";

    public static void Seed(SeedContext context, int account)
    {
        var vpcId = SeedContext.AwsId("vpc", $"large-{account}");
        var subnets = Enumerable.Range(0, 4).Select(i => NetworkSeeds.Subnet(context, $"large-{account}-private-{i}", vpcId,
            $"10.{100 + account}.{i * 64}.0/18", context.Zone((char)('a' + (i % 3))), 16_000)).ToList();
        var group = NetworkSeeds.SecurityGroup(context, $"large-{account}-app", vpcId, NetworkSeeds.Tcp(8080, fromCidr: $"10.{100 + account}.0.0/16"));
        var address = 0;
        var tasks = new List<EcsTask>();
        for (var c = 0; c < LargeAccount.Clusters; c++)
        {
            if (LargeAccount.AccountOf(c) != account)
            {
                continue;
            }

            var cluster = EcsSeeds.Cluster(context, $"team-{c:00}");
            var balancer = LoadBalancer(context, cluster, vpcId, subnets, group);
            var logGroup = $"/ecs/{cluster.ClusterName}";
            context.World.Logs.CreateGroup(logGroup, context.Ago(60 * 24 * 3));
            context.World.Logs.Append(logGroup, "ecs/app/bootstrap", []);
            for (var s = 0; s < LargeAccount.ServicesPerCluster; s++)
            {
                var index = (c * LargeAccount.ServicesPerCluster) + s;
                var name = $"svc-{c:00}-{s:00}";
                var subnet = subnets[index % subnets.Count];
                var container = EcsSeeds.Container("app", EcsSeeds.Image(context, name, "1.0." + (index % 40).ToString(CultureInfo.InvariantCulture)), memory: 512);
                container = container with { LogConfiguration = container.LogConfiguration! with { Options = new Dictionary<string, string>(container.LogConfiguration.Options) { ["awslogs-group"] = logGroup } } };
                var definition = EcsSeeds.TaskDefinition(context, name, 1 + (index % 7), cpu: "256", memory: "512", container);
                var targetGroup = index % LargeAccount.LoadBalancedEvery == 0 ? NetworkSeeds.TargetGroupArn(context, $"tg-{c:00}-{s:00}") : null;
                var service = EcsServiceSeeds.Service(context, cluster, name, definition, desiredCount: 1, svc => svc with
                {
                    NetworkConfiguration = new EcsNetworkConfiguration(new EcsAwsVpcConfiguration([subnet.SubnetId], [group.GroupId])),
                    LoadBalancers = targetGroup is null ? [] : [new EcsLoadBalancer(targetGroup, "app", 8080)],
                });
                var deployment = service.Deployments[0].Id;
                var running = Task(context, cluster, definition, $"{name}/running", subnet, Address(account, address++), TaskLife.Running(context, name, minutesAgo: 300));
                tasks.Add(running);
                for (var t = 0; t < LargeAccount.StoppedTasksPerService; t++)
                {
                    var life = TaskLife.Stopped(context, name, "ServiceSchedulerInitiated", string.Format(CultureInfo.InvariantCulture, ScaledIn, deployment), stoppedMinutesAgo: 5 + ((index + t) % 50));
                    tasks.Add(Task(context, cluster, definition, $"{name}/stopped/{t}", subnet, Address(account, address++), life));
                }

                if (targetGroup is not null)
                {
                    context.World.Elb.Add(new ElbTargetGroup
                    {
                        TargetGroupArn = targetGroup,
                        TargetGroupName = $"tg-{c:00}-{s:00}",
                        VpcId = vpcId,
                        Port = 8080,
                        TargetType = "ip",
                        LoadBalancerArns = [balancer.LoadBalancerArn],
                        Targets = [new ElbTargetHealth(EcsSeeds.PrivateIp(running), 8080, "healthy", AvailabilityZone: subnet.AvailabilityZone)],
                    });
                }
            }
        }

        context.World.Ecs.AddRange(tasks);
    }

    private static ElbLoadBalancer LoadBalancer(SeedContext context, EcsCluster cluster, string vpcId, IReadOnlyList<Ec2Subnet> subnets, Ec2SecurityGroup group)
    {
        var name = $"{cluster.ClusterName}-alb";
        var id = SeedContext.Hex("alb/" + context.Options.AccountId + name, 16);
        var balancer = new ElbLoadBalancer(
            $"arn:aws:elasticloadbalancing:{context.Options.Region}:{context.Options.AccountId}:loadbalancer/app/{name}/{id}",
            name, $"internal-{name}-{id[..10]}.{context.Options.Region}.elb.amazonaws.com", vpcId,
            [.. subnets.Take(2).Select(s => (s.AvailabilityZone, s.SubnetId))], [group.GroupId], context.Ago(60 * 24 * 300), Scheme: "internal");
        context.World.Elb.Add(balancer);
        return balancer;
    }

    // 10.(100 + account).x.y, skipping the addresses AWS reserves at the start of every subnet.
    private static string Address(int account, int n) => $"10.{100 + account}.{n / 250}.{(n % 250) + 4}";

    private static EcsTask Task(SeedContext context, EcsCluster cluster, EcsTaskDefinition definition, string seed, Ec2Subnet subnet, string ip, TaskLife life) =>
        EcsSeeds.FargateTask(context, cluster, seed, definition, life, subnetId: subnet.SubnetId, privateIp: ip, register: false);
}
