using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands for Spot interruptions: where the task ran and what the service's strategy promises.</summary>
public static class CapacityCli
{
    public static string DescribeServiceCapacity(EcsTask task, string serviceName) =>
        $"aws ecs describe-services --region {RegionOf(task.TaskArn)} --cluster {task.ClusterName} --services {serviceName} "
        + "--query \"services[0].{launchType:launchType,capacityProviderStrategy:capacityProviderStrategy,desiredCount:desiredCount,runningCount:runningCount,events:events[:5].message}\"";

    public static string DescribeTaskCapacity(EcsTask task) =>
        $"aws ecs describe-tasks --region {RegionOf(task.TaskArn)} --cluster {task.ClusterName} --tasks {task.TaskId} "
        + "--query \"tasks[0].{stopCode:stopCode,stoppedReason:stoppedReason,capacityProviderName:capacityProviderName,launchType:launchType,stoppedAt:stoppedAt}\"";

    internal static string RegionOf(string arn) => Arn.TryParse(arn, out var parsed) ? parsed.Region : "us-east-1";
}
