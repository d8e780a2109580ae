using DiagBot.Diagnostics.Logs;

namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands for service-level failures (denied app calls, crash loops, stuck deployments), ids filled in.</summary>
public static class ServiceCli
{
    public static string FilterDenials(LogGroupRef group, string region, string filterPattern) =>
        $"aws logs filter-log-events --region {group.Region ?? region} --log-group-name {group.LogGroupName} "
        + $"--filter-pattern '{filterPattern}' --max-items 20 --query \"events[].message\"";

    public static string TaskDefinitionRoles(string region, string taskDefinitionArn) =>
        $"aws ecs describe-task-definition --region {region} --task-definition {taskDefinitionArn} "
        + "--query \"taskDefinition.{taskRoleArn:taskRoleArn,executionRoleArn:executionRoleArn}\"";

    public static string LastLogLines(LogGroupRef group, string streamName, string region) =>
        $"aws logs get-log-events --region {group.Region ?? region} --log-group-name {group.LogGroupName} --log-stream-name {streamName} "
        + "--limit 20 --query \"events[].message\"";

    public static string StoppedTasks(string region, string cluster, IEnumerable<string> taskIds) =>
        $"aws ecs describe-tasks --region {region} --cluster {cluster} --tasks {string.Join(' ', taskIds)} "
        + "--query \"tasks[].{task:taskArn,stopCode:stopCode,stoppedReason:stoppedReason,exitCodes:containers[].exitCode}\"";

    public static string Deployments(string region, string cluster, string service) =>
        $"aws ecs describe-services --region {region} --cluster {cluster} --services {service} "
        + "--query \"services[0].{deploymentConfiguration:deploymentConfiguration,deployments:deployments[].{id:id,status:status,rolloutState:rolloutState,running:runningCount,desired:desiredCount,failed:failedTasks},events:events[:5].message}\"";

    public static string ContainerInstances(string region, string cluster, IEnumerable<string> containerInstanceIds) =>
        $"aws ecs describe-container-instances --region {region} --cluster {cluster} --container-instances {string.Join(' ', containerInstanceIds)} "
        + "--query \"containerInstances[].{ec2:ec2InstanceId,status:status,agentConnected:agentConnected,remaining:remainingResources[].{name:name,int:integerValue,set:stringSetValue}}\"";

    public static string ActiveContainerInstances(string region, string cluster) =>
        $"aws ecs list-container-instances --region {region} --cluster {cluster} --status ACTIVE";
}
