using DiagBot.Sandbox.Aws.Ecs;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>Builders for ECS resources with the defaults a real Fargate account shows, so each incident states only what matters to it.</summary>
internal static class EcsSeeds
{
    public static EcsCluster Cluster(SeedContext context, string name)
    {
        var cluster = new EcsCluster(EcsArns.Cluster(context.Options, name), name);
        context.World.Ecs.Add(cluster);
        return cluster;
    }

    public static EcsContainerDefinition Container(string name, string image, int memory, int containerPort = 8080) => new()
    {
        Name = name,
        Image = image,
        Memory = memory,
        PortMappings = containerPort > 0 ? [new EcsPortMapping(containerPort, containerPort)] : [],
        LogConfiguration = new EcsLogConfiguration("awslogs", new Dictionary<string, string>
        {
            ["awslogs-group"] = $"/ecs/{name}",
            ["awslogs-region"] = "us-east-1", // replaced by the account's region when the task definition is built
            ["awslogs-stream-prefix"] = "ecs",
        }),
    };

    public static EcsTaskDefinition TaskDefinition(SeedContext context, string family, int revision, string cpu, string memory, params EcsContainerDefinition[] containers)
    {
        var definition = new EcsTaskDefinition
        {
            TaskDefinitionArn = EcsArns.TaskDefinition(context.Options, family, revision),
            Family = family,
            Revision = revision,
            Cpu = cpu,
            Memory = memory,
            ContainerDefinitions = [.. containers.Select(c => c.LogConfiguration is { } log
                ? c with { LogConfiguration = log with { Options = new Dictionary<string, string>(log.Options) { ["awslogs-region"] = context.Options.Region } } }
                : c)],
            ExecutionRoleArn = $"arn:aws:iam::{context.Options.AccountId}:role/ecsTaskExecutionRole",
            TaskRoleArn = $"arn:aws:iam::{context.Options.AccountId}:role/{family}-task-role",
            RuntimePlatform = new EcsRuntimePlatform("X86_64"),
            RequiresAttributes =
            [
                new EcsAttribute("com.amazonaws.ecs.capability.logging-driver.awslogs"),
                new EcsAttribute("ecs.capability.execution-role-awslogs"),
                new EcsAttribute("com.amazonaws.ecs.capability.docker-remote-api.1.19"),
                new EcsAttribute("ecs.capability.task-eni"),
            ],
            RegisteredAt = context.Ago(60 * 24 * 3),
            RegisteredBy = $"arn:aws:iam::{context.Options.AccountId}:role/deploy-pipeline",
        };
        context.World.Ecs.Add(definition);
        CreateLogGroups(context, definition);
        return definition;
    }

    /// <summary>
    /// Every awslogs group a task definition names exists, created beside it as IaC does; an incident about a missing
    /// group registers its definition without this.
    /// </summary>
    public static void CreateLogGroups(SeedContext context, EcsTaskDefinition definition)
    {
        foreach (var group in definition.ContainerDefinitions.Select(LogGroupOf).OfType<string>())
        {
            context.World.Logs.CreateGroup(group, definition.RegisteredAt ?? context.Ago(60 * 24 * 3));
        }
    }

    public static string? LogGroupOf(EcsContainerDefinition container) =>
        container.LogConfiguration is { LogDriver: "awslogs" } log ? log.Options.GetValueOrDefault("awslogs-group") : null;

    /// <summary>
    /// A Fargate task in awsvpc mode with its ENI attachment; its containers are built from the definition and then adjusted.
    /// An old-ARN task (launched without the taskLongArnFormat setting) has a UUID id and ARNs without the cluster.
    /// </summary>
    public static EcsTask FargateTask(
        SeedContext context, EcsCluster cluster, string seed, EcsTaskDefinition definition, TaskLife life,
        Func<EcsContainer, EcsContainer>? adjustContainer = null, string? subnetId = null, Func<EcsTask, EcsTask>? adjustTask = null,
        bool oldArn = false, string? privateIp = null, bool register = true)
    {
        var uuid = RandomStyleUuid("uuid/" + seed);
        var id = oldArn ? uuid.ToString() : SeedContext.TaskId(seed);
        var arn = oldArn ? EcsArns.OldTask(context.Options, uuid) : EcsArns.Task(context.Options, cluster.ClusterName, id);
        var eniId = SeedContext.AwsId("eni", seed);
        var attachmentId = Guid.Parse(SeedContext.Hex("attachment/" + seed, 32)).ToString();
        var ip = privateIp ?? $"10.0.{Convert.ToInt32(SeedContext.Hex("ip/" + seed, 2), 16) % 32 + 1}.{Convert.ToInt32(SeedContext.Hex("ip2/" + seed, 2), 16) % 250 + 4}";
        var running = life.LastStatus == "RUNNING";
        var containers = definition.ContainerDefinitions.Select(c => new EcsContainer
        {
            ContainerArn = oldArn
                ? EcsArns.OldContainer(context.Options, Guid.Parse(SeedContext.Hex($"container/{seed}/{c.Name}", 32)))
                : EcsArns.Container(context.Options, cluster.ClusterName, id, Guid.Parse(SeedContext.Hex($"container/{seed}/{c.Name}", 32))),
            TaskArn = arn,
            Name = c.Name,
            Image = c.Image,
            ImageDigest = "sha256:" + SeedContext.Hex("digest/" + c.Image, 64),
            RuntimeId = $"{id}-{Convert.ToInt64(SeedContext.Hex("runtime/" + seed + c.Name, 8), 16)}",
            LastStatus = life.LastStatus,
            NetworkInterfaces = [new EcsNetworkInterface(attachmentId, ip)],
            HealthStatus = "UNKNOWN",
            Cpu = c.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Memory = c.Memory?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ExitCode = life.StoppedAt is null ? null : 0,
            ManagedAgents = life.EnableExecuteCommand ? [new EcsManagedAgent("ExecuteCommandAgent", running ? "RUNNING" : "STOPPED", life.StartedAt?.AddSeconds(12))] : null,
        }).Select(c => adjustContainer?.Invoke(c) ?? c).ToList();

        var task = new EcsTask
        {
            Attachments =
            [
                new EcsAttachment(attachmentId, "ElasticNetworkInterface", running ? "ATTACHED" : life.StoppedAt is null ? "PRECREATED" : "DELETED",
                [
                    new EcsKeyValue("subnetId", subnetId ?? Landscape.ProdLandscape.PrivateSubnetA),
                    new EcsKeyValue("networkInterfaceId", eniId),
                    new EcsKeyValue("macAddress", "0e:" + string.Join(':', Enumerable.Range(0, 5).Select(i => SeedContext.Hex("mac/" + seed, 10).Substring(i * 2, 2)))),
                    new EcsKeyValue("privateDnsName", $"ip-{ip.Replace('.', '-')}.ec2.internal"),
                    new EcsKeyValue("privateIPv4Address", ip),
                ]),
            ],
            Attributes = [new EcsAttribute("ecs.cpu-architecture", "x86_64")],
            AvailabilityZone = context.World.Ec2.Subnets.FirstOrDefault(s => s.SubnetId == (subnetId ?? Landscape.ProdLandscape.PrivateSubnetA))?.AvailabilityZone ?? context.Zone('a'),
            CapacityProviderName = life.CapacityProvider,
            ClusterArn = cluster.ClusterArn,
            Connectivity = life.StartedAt is null ? null : "CONNECTED",
            ConnectivityAt = life.StartedAt is null ? null : life.CreatedAt.AddSeconds(8),
            Containers = containers,
            Cpu = definition.Cpu,
            Memory = definition.Memory,
            CreatedAt = life.CreatedAt,
            DesiredStatus = life.DesiredStatus,
            EnableExecuteCommand = life.EnableExecuteCommand,
            EphemeralStorage = new EcsEphemeralStorage(20),
            ExecutionStoppedAt = life.StoppedAt?.AddSeconds(-20),
            Group = life.Group,
            HealthStatus = "UNKNOWN",
            LastStatus = life.LastStatus,
            LaunchType = life.CapacityProvider is null ? "FARGATE" : null,
            Overrides = new EcsTaskOverride { ContainerOverrides = [.. definition.ContainerDefinitions.Select(c => new EcsContainerOverride(c.Name))] },
            PlatformFamily = "Linux",
            PlatformVersion = "1.4.0",
            PullStartedAt = life.StartedAt?.AddSeconds(-25),
            PullStoppedAt = life.StartedAt?.AddSeconds(-5),
            StartedAt = life.StartedAt,
            StartedBy = life.StartedBy,
            StopCode = life.StopCode,
            StoppedAt = life.StoppedAt,
            StoppedReason = life.StoppedReason,
            StoppingAt = life.StoppedAt?.AddSeconds(-40),
            Tags = [],
            TaskArn = arn,
            TaskDefinitionArn = definition.TaskDefinitionArn,
            Version = life.StoppedAt is null ? 3 : 5,
        };
        task = adjustTask?.Invoke(task) ?? task;
        EcsTaskLaunchRules.CheckLogGroups(context.World, definition, task);
        if (register)
        {
            context.World.Ecs.Add(task);
        }

        return task;
    }

    // Old task ids are random (version 4) UUIDs: version nibble 4, variant 8-b.
    private static Guid RandomStyleUuid(string seed)
    {
        var hex = SeedContext.Hex(seed, 32);
        return Guid.Parse(string.Concat(hex[..12], "4", hex[13..16], "89ab"[Convert.ToInt32(hex[16..17], 16) % 4].ToString(), hex[17..]));
    }

    public static string PrivateIp(EcsTask task) =>
        task.Attachments[0].Details.First(d => d.Name == "privateIPv4Address").Value;

    public static string TaskId(EcsTask task) => EcsArns.LastSegment(task.TaskArn);

    public static string Image(SeedContext context, string repository, string tag) =>
        $"{context.Options.AccountId}.dkr.ecr.{context.Options.Region}.amazonaws.com/{repository}:{tag}";
}
