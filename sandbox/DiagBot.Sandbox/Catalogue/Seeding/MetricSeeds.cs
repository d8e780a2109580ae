using DiagBot.Sandbox.Aws.CloudWatch;
using DiagBot.Sandbox.Aws.Ecs;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// The metrics an incident would really publish, derived from its own timeline (task start and stop, deployment time).
/// Names, namespaces, dimensions and units: CloudWatch User Guide, "Amazon ECS Container Insights with enhanced
/// observability metrics" (task level: ClusterName, TaskDefinitionFamily, TaskId; Megabytes) and ELB User Guide,
/// "CloudWatch metrics for your Application Load Balancer" (HealthyHostCount per TargetGroup and LoadBalancer; the
/// ELB's own 5XX counts per LoadBalancer, published only in minutes with a non-zero count; TargetResponseTime in Seconds).
/// </summary>
internal static class MetricSeeds
{
    public const string ContainerInsights = "ECS/ContainerInsights";
    public const string ApplicationElb = "AWS/ApplicationELB";
    public const string AwsEcs = "AWS/ECS";
    public const string EksContainerInsights = "ContainerInsights";
    private const double MiB = 1024 * 1024;

    /// <summary>A task's memory each minute of its life, as Container Insights reports it on a cluster that has it on.</summary>
    public static void TaskMemory(SeedContext context, EcsTask task, string family, double reservedMiB, Func<double, double> usedMiBAtShareOfLife)
    {
        var started = task.StartedAt ?? task.CreatedAt ?? context.Now;
        var lifetime = ((task.StoppedAt ?? context.Now) - started).TotalMinutes;
        var cluster = task.ClusterArn[(task.ClusterArn.LastIndexOf('/') + 1)..];
        IReadOnlyList<MetricDimension> dimensions =
            [new("ClusterName", cluster), new("TaskDefinitionFamily", family), new("TaskId", task.TaskArn[(task.TaskArn.LastIndexOf('/') + 1)..])];
        var world = context.World.CloudWatch;
        world.Add(new MetricSeries(ContainerInsights, "MemoryUtilized", dimensions, "Megabytes", started, task.StoppedAt,
            minute => [Math.Round(usedMiBAtShareOfLife(Math.Clamp((minute - started).TotalMinutes / Math.Max(lifetime, 1), 0, 1)))]));
        world.Add(new MetricSeries(ContainerInsights, "MemoryReserved", dimensions, "Megabytes", started, task.StoppedAt, _ => [reservedMiB]));
    }

    /// <summary>
    /// A pod's memory as Container Insights on EKS publishes it (namespace ContainerInsights, Bytes): pod_memory_working_set
    /// each minute and pod_memory_limit, per ClusterName, Namespace, PodName (the workload) and FullPodName (the pod),
    /// CloudWatch User Guide, "Amazon EKS and Kubernetes Container Insights metrics".
    /// </summary>
    public static void PodMemory(SeedContext context, string cluster, string ns, string workload, string pod, DateTimeOffset from, double limitMiB,
        Func<DateTimeOffset, double> usedMiBAt)
    {
        IReadOnlyList<MetricDimension> dimensions = [new("ClusterName", cluster), new("FullPodName", pod), new("Namespace", ns), new("PodName", workload)];
        var world = context.World.CloudWatch;
        world.Add(new MetricSeries(EksContainerInsights, "pod_memory_working_set", dimensions, "Bytes", from, null,
            minute => [Math.Round(usedMiBAt(minute) * MiB)]));
        world.Add(new MetricSeries(EksContainerInsights, "pod_memory_limit", dimensions, "Bytes", from, null, _ => [limitMiB * MiB]));
    }

    /// <summary>
    /// A service's AWS/ECS MemoryUtilization each minute (Percent; Maximum is its busiest task), published for every service
    /// whether or not Container Insights is on ("Amazon ECS CloudWatch metrics", ClusterName and ServiceName dimensions).
    /// </summary>
    public static void ServiceMemory(
        SeedContext context, string cluster, string service, DateTimeOffset from, DateTimeOffset to, Func<double, double> percentAtShare)
    {
        var minutes = Math.Max((to - from).TotalMinutes, 1);
        IReadOnlyList<MetricDimension> dimensions = [new("ClusterName", cluster), new("ServiceName", service)];
        context.World.CloudWatch.Add(new MetricSeries(AwsEcs, "MemoryUtilization", dimensions, "Percent", from, to,
            minute => [Math.Round(percentAtShare(Math.Clamp((minute - from).TotalMinutes / minutes, 0, 1)), 1)]));
    }

    /// <summary>Healthy and unhealthy target counts for a target group behind a load balancer; counts change at the given moments.</summary>
    public static void TargetHealth(SeedContext context, string loadBalancerArn, string targetGroupArn,
        params (DateTimeOffset From, int Healthy, int Unhealthy)[] steps)
    {
        IReadOnlyList<MetricDimension> dimensions = [new("TargetGroup", TargetGroupDimension(targetGroupArn)), new("LoadBalancer", LoadBalancerDimension(loadBalancerArn))];
        var from = steps.Min(s => s.From);
        context.World.CloudWatch.Add(new MetricSeries(ApplicationElb, "HealthyHostCount", dimensions, "Count", from, null, m => [StepAt(steps, m).Healthy]));
        context.World.CloudWatch.Add(new MetricSeries(ApplicationElb, "UnHealthyHostCount", dimensions, "Count", from, null, m => [StepAt(steps, m).Unhealthy]));
    }

    /// <summary>An ELB-generated error count (HTTPCode_ELB_503_Count, HTTPCode_ELB_504_Count): per minute, present only when non-zero.</summary>
    public static void ElbErrorCount(SeedContext context, string loadBalancerArn, string metricName, DateTimeOffset since, int low, int high)
    {
        IReadOnlyList<MetricDimension> dimensions = [new("LoadBalancer", LoadBalancerDimension(loadBalancerArn))];
        context.World.CloudWatch.Add(new MetricSeries(ApplicationElb, metricName, dimensions, "Count", since, null,
            minute => [low + Spread(metricName + loadBalancerArn, minute, high - low + 1)]));
    }

    /// <summary>Seconds each request took, per minute: fast requests plus the slow ones, which the load balancer cuts at its idle timeout.</summary>
    public static void TargetResponseTime(SeedContext context, string loadBalancerArn, string targetGroupArn, DateTimeOffset since,
        double fastSeconds, double slowSeconds, int slowPerMinute, int idleTimeoutSeconds)
    {
        var lb = LoadBalancerDimension(loadBalancerArn);
        IReadOnlyList<double> Requests(DateTimeOffset minute) =>
        [
            .. Enumerable.Range(0, 60).Select(i => Math.Round(fastSeconds * (0.5 + Spread("fast" + i, minute, 100) / 100.0), 3)),
            .. Enumerable.Range(0, slowPerMinute).Select(i => Math.Min(idleTimeoutSeconds, slowSeconds + Spread("slow" + i, minute, 30))),
        ];
        context.World.CloudWatch.Add(new MetricSeries(ApplicationElb, "TargetResponseTime", [new("LoadBalancer", lb)], "Seconds", since, null, Requests));
        context.World.CloudWatch.Add(new MetricSeries(ApplicationElb, "TargetResponseTime",
            [new("TargetGroup", TargetGroupDimension(targetGroupArn)), new("LoadBalancer", lb)], "Seconds", since, null, Requests));
    }

    /// <summary>
    /// CloudWatch names a load balancer by the end of its ARN ("app/prod-public/50dc6c495c0c9188") and a target group by
    /// its resource ("targetgroup/storefront-tg/73e2d6bc24d8a067").
    /// </summary>
    public static string LoadBalancerDimension(string arn) => arn[(arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];

    public static string TargetGroupDimension(string arn) => arn[(arn.LastIndexOf(':') + 1)..];

    private static (DateTimeOffset From, int Healthy, int Unhealthy) StepAt((DateTimeOffset From, int Healthy, int Unhealthy)[] steps, DateTimeOffset minute) =>
        steps.Where(s => s.From <= minute).MaxBy(s => s.From);

    // A stable number in [0, range) for a name and a minute: the same series on every run, varied from minute to minute.
    private static int Spread(string name, DateTimeOffset minute, int range) =>
        (int)(Convert.ToUInt32(SeedContext.Hex($"{name}/{minute.ToUnixTimeSeconds()}", 8), 16) % (uint)range);
}
