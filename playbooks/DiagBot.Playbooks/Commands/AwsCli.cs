using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands an engineer can paste, with the real identifiers filled in.</summary>
public static class AwsCli
{
    public static string DescribeTaskContainers(EcsTask task) =>
        $"aws ecs describe-tasks --region {RegionOf(task.TaskArn)} --cluster {task.ClusterName} --tasks {task.TaskId} "
        + "--query \"tasks[0].{stopCode:stopCode,stoppedReason:stoppedReason,containers:containers[].{name:name,exitCode:exitCode,reason:reason}}\"";

    public static string DescribeTaskDefinitionMemory(EcsTask task) =>
        $"aws ecs describe-task-definition --region {RegionOf(task.TaskArn)} --task-definition {task.TaskDefinitionArn} "
        + "--query \"taskDefinition.{taskMemory:memory,containers:containerDefinitions[].{name:name,memory:memory,memoryReservation:memoryReservation,stopTimeout:stopTimeout}}\"";

    private static string RegionOf(string arn) => Arn.TryParse(arn, out var parsed) ? parsed.Region : "us-east-1";
}
