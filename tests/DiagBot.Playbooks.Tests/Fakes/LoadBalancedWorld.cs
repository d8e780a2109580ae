using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>
/// A healthy Fargate service "web" in cluster "prod" behind ALB "edge" (target group web-tg, ip targets on 8080, the
/// tasks' group admitting the ALB's group on 8080); tests change the one thing that is wrong with `with`.
/// </summary>
internal static class LoadBalancedWorld
{
    public const string Region = "eu-west-1";
    public const string ClusterArn = "arn:aws:ecs:eu-west-1:111122223333:cluster/prod";
    public const string ServiceArn = "arn:aws:ecs:eu-west-1:111122223333:service/prod/web";
    public const string TaskDefinitionArn = "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:7";
    public const string TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web-tg/0123456789abcdef";
    public const string LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/edge/fedcba9876543210";
    public const string AlbGroup = "sg-0a1b2c3d4e5f60001";
    public const string TaskGroup = "sg-0a1b2c3d4e5f60002";
    public const string LogGroup = "/ecs/web";

    public static FakeLoadBalancerEvidence Create()
    {
        var world = new FakeLoadBalancerEvidence();
        world.Services.Add(new EcsService
        {
            ServiceArn = ServiceArn,
            ServiceName = "web",
            ClusterArn = ClusterArn,
            DesiredCount = 2,
            RunningCount = 2,
            LaunchType = "FARGATE",
            TaskDefinition = TaskDefinitionArn,
            HealthCheckGracePeriodSeconds = 60,
            LoadBalancers = [new EcsServiceLoadBalancer(TargetGroupArn, null, "web", 8080)],
            NetworkConfiguration = new EcsAwsVpcConfiguration(["subnet-0aa", "subnet-0bb"], [TaskGroup], "DISABLED"),
            Events = [new EcsServiceEvent("e1", DateTimeOffset.UtcNow.AddMinutes(-30), "(service web) has reached a steady state.")],
        });
        world.TaskDefinitions.Add(new EcsTaskDefinition
        {
            TaskDefinitionArn = TaskDefinitionArn,
            Family = "web",
            Revision = 7,
            NetworkMode = "awsvpc",
            RequiresCompatibilities = ["FARGATE"],
            ContainerDefinitions =
            [
                new EcsContainerDefinition
                {
                    Name = "web",
                    PortMappings = [new EcsPortMapping(8080, 8080, "tcp")],
                    LogConfiguration = new EcsLogConfiguration("awslogs", new Dictionary<string, string> { ["awslogs-group"] = LogGroup, ["awslogs-region"] = Region, ["awslogs-stream-prefix"] = "ecs" }),
                },
            ],
        });
        world.TargetGroups.Add(new TargetGroup
        {
            TargetGroupArn = TargetGroupArn,
            TargetGroupName = "web-tg",
            Protocol = "HTTP",
            Port = 8080,
            VpcId = "vpc-0prod",
            TargetType = "ip",
            HealthCheckProtocol = "HTTP",
            HealthCheckPort = "traffic-port",
            HealthCheckPath = "/health",
            HealthCheckIntervalSeconds = 30,
            HealthCheckTimeoutSeconds = 5,
            HealthyThresholdCount = 5,
            UnhealthyThresholdCount = 2,
            MatcherHttpCode = "200",
            LoadBalancerArns = [LoadBalancerArn],
        });
        world.Health[TargetGroupArn] = [Target("10.0.1.10", "healthy"), Target("10.0.2.20", "healthy")];
        world.LoadBalancers.Add(new LoadBalancer { LoadBalancerArn = LoadBalancerArn, LoadBalancerName = "edge", Type = "application", SecurityGroups = [AlbGroup] });
        world.Attributes[LoadBalancerArn] = new() { ["idle_timeout.timeout_seconds"] = "60" };
        world.SecurityGroups.Add(Group(AlbGroup, Tcp(443, cidr: "0.0.0.0/0")));
        world.SecurityGroups.Add(Group(TaskGroup, Tcp(8080, source: AlbGroup)));
        return world;
    }

    public static TargetHealthDescription Target(string ip, string state, string? reason = null, string? description = null) =>
        new(ip, 8080, "eu-west-1a", "8080", state, reason, description);

    public static SecurityGroup Group(string id, params SecurityGroupRule[] ingress) =>
        new(id, id, "vpc-0prod", ingress, [new SecurityGroupRule("-1", null, null, ["0.0.0.0/0"], [], [], [])]);

    public static SecurityGroupRule Tcp(int port, string? source = null, string? cidr = null) =>
        new("tcp", port, port, cidr is null ? [] : [cidr], [], source is null ? [] : [source], []);

    public static DiagnosisContext ServiceContext(FakeLoadBalancerEvidence world) =>
        new(new ServiceSubject("service web in prod", "web", "prod"), world, TimeProvider.System) { Service = world.Services[0] };

    public static void Replace<T>(List<T> items, Func<T, T> change) => items[0] = change(items[0]);
}
