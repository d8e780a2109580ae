using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Tests.Catalogue;

/// <summary>Seeding goes through the rules AWS applies: what CreateService refuses, and what the agent does with a missing log group.</summary>
public sealed class SeedingRulesTests
{
    private readonly SeedContext _context = CreateContext();

    [Fact]
    public void CreateService_AwsvpcTaskDefinitionWithInstanceTargetGroup_IsRefusedWithEcsText()
    {
        var group = Group("legacy-tg", "instance", attached: true);

        var error = Assert.Throws<AwsException>(() => EcsServiceRules.CheckCreateService(_context.World, Service(group)));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal($"The provided target group {group.TargetGroupArn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.", error.Message);
    }

    [Fact]
    public void CreateService_BridgeTaskDefinitionWithIpTargetGroup_IsRefused()
    {
        var group = Group("bridge-ip-tg", "ip", attached: true);

        var error = Assert.Throws<AwsException>(() => EcsServiceRules.CheckCreateService(_context.World, Service(group, networkMode: "bridge")));

        Assert.Contains("has target type ip, which is incompatible with the bridge network mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateService_GroupNoListenerForwardsTo_IsRefusedAsWithoutLoadBalancer()
    {
        var group = Group("orphan-tg", "ip", attached: false);

        var error = Assert.Throws<AwsException>(() => EcsServiceRules.CheckCreateService(_context.World, Service(group)));

        Assert.Equal($"The target group with targetGroupArn {group.TargetGroupArn} does not have an associated load balancer.", error.Message);
    }

    [Fact]
    public void CreateService_PortTheContainerDoesNotPublish_IsRefused()
    {
        var group = Group("web-tg", "ip", attached: true);

        var error = Assert.Throws<AwsException>(() => EcsServiceRules.CheckCreateService(_context.World, Service(group, containerPort: 9090)));

        Assert.Equal("The container web did not have a container port 9090 defined.", error.Message);
    }

    [Fact]
    public void CreateService_AwsvpcWithIpGroupAttachedByARule_IsAccepted()
    {
        var group = Group("web-tg", "ip", attached: true);

        EcsServiceRules.CheckCreateService(_context.World, Service(group));

        Assert.Single(_context.World.Elb.LoadBalancersForwardingTo(group.TargetGroupArn));
    }

    [Fact]
    public void TaskDefinition_AwslogsGroup_IsCreatedWithIt()
    {
        var definition = EcsSeeds.TaskDefinition(_context, "ledger", 3, "256", "512", EcsSeeds.Container("ledger", "ledger:1", 512));

        Assert.NotNull(_context.World.Logs.FindGroup("/ecs/ledger"));
        Assert.Equal(definition.RegisteredAt, _context.World.Logs.FindGroup("/ecs/ledger")!.CreatedAt);
    }

    [Fact]
    public void Task_WhoseLogGroupIsMissing_MustHaveFailedAsTheAgentFailsIt()
    {
        var definition = UnloggedDefinition();
        var cluster = ProdLandscape.Cluster(_context);

        var started = Assert.Throws<InvalidOperationException>(() =>
            EcsSeeds.FargateTask(_context, cluster, "running-without-group", definition, TaskLife.Running(_context, "ghost")));
        var failed = EcsSeeds.FargateTask(_context, cluster, "failed-for-group", definition,
            TaskLife.Stopped(_context, "ghost", "TaskFailedToStart", EcsTaskLaunchRules.FargateLoggerArgsFailure) with { StartedAt = null });

        Assert.Contains("/ecs/ghost", started.Message, StringComparison.Ordinal);
        Assert.StartsWith("ResourceInitializationError: failed to validate logger args", failed.StoppedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_AppendToAGroupNoOneCreated_IsASeedError() =>
        Assert.Throws<InvalidOperationException>(() => EvidenceSeeds.Logs(_context, "/ecs/never-created", "ecs/app/1", 5, "hello"));

    private EcsTaskDefinition UnloggedDefinition()
    {
        var definition = new EcsTaskDefinition
        {
            TaskDefinitionArn = EcsArns.TaskDefinition(_context.Options, "ghost", 1),
            Family = "ghost",
            Revision = 1,
            ContainerDefinitions = [EcsSeeds.Container("ghost", "ghost:1", 512)],
        };
        _context.World.Ecs.Add(definition);
        return definition;
    }

    private ElbTargetGroup Group(string name, string targetType, bool attached)
    {
        var lb = ProdLandscape.PublicLoadBalancer(_context);
        return NetworkSeeds.TargetGroup(_context, new ElbTargetGroup
        {
            TargetGroupArn = NetworkSeeds.TargetGroupArn(_context, name),
            TargetGroupName = name,
            VpcId = ProdLandscape.VpcId,
            Port = 8080,
            TargetType = targetType,
            LoadBalancerArns = attached ? [lb.LoadBalancerArn] : [],
        });
    }

    private EcsServiceResource Service(ElbTargetGroup group, string networkMode = "awsvpc", int containerPort = 8080)
    {
        var definition = EcsSeeds.TaskDefinition(_context, "web", 1, "256", "512", EcsSeeds.Container("web", "web:1", 512)) with { NetworkMode = networkMode };
        _context.World.Ecs.Add(definition);
        return new EcsServiceResource
        {
            ServiceArn = EcsArns.Service(_context.Options, "prod", "web"),
            ServiceName = "web",
            ClusterArn = ProdLandscape.Cluster(_context).ClusterArn,
            TaskDefinition = definition.TaskDefinitionArn,
            Deployments = [],
            LoadBalancers = [new EcsLoadBalancer(group.TargetGroupArn, "web", containerPort)],
        };
    }

    private static SeedContext CreateContext()
    {
        var context = new SeedContext(new SandboxWorld(new SandboxOptions()), DateTimeOffset.Parse("2026-12-06T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        ProdLandscape.Seed(context);
        return context;
    }
}
