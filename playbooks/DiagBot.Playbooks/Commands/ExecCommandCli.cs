using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands for ECS Exec, one per thing it depends on, with the task's real identifiers.</summary>
public static class ExecCommandCli
{
    public static IReadOnlyList<string> SsmMessagesActions { get; } =
        ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"];

    public static string DescribeTaskExec(EcsTask task) =>
        $"aws ecs describe-tasks --region {CapacityCli.RegionOf(task.TaskArn)} --cluster {task.ClusterName} --tasks {task.TaskId} "
        + "--query \"tasks[0].{lastStatus:lastStatus,enableExecuteCommand:enableExecuteCommand,agents:containers[].managedAgents[].{name:name,lastStatus:lastStatus,reason:reason}}\"";

    public static string CompareServiceExec(EcsTask task, string serviceName) =>
        DescribeTaskExec(task) + $" && aws ecs describe-services --region {CapacityCli.RegionOf(task.TaskArn)} --cluster {task.ClusterName} --services {serviceName} "
        + "--query \"services[0].{enableExecuteCommand:enableExecuteCommand,deployments:deployments[].{status:status,createdAt:createdAt}}\"";

    public static string TaskRole(EcsTask task) =>
        $"aws ecs describe-task-definition --region {CapacityCli.RegionOf(task.TaskArn)} --task-definition {task.TaskDefinitionArn} --query \"taskDefinition.taskRoleArn\"";

    public static string SimulateTaskRole(string roleArn) =>
        $"aws iam simulate-principal-policy --policy-source-arn {roleArn} --action-names {string.Join(' ', SsmMessagesActions)} "
        + "--query \"EvaluationResults[].{action:EvalActionName,decision:EvalDecision}\"";

    public static string SsmMessagesPath(EcsTask task, string vpcId)
    {
        var region = CapacityCli.RegionOf(task.TaskArn);
        return $"aws ec2 describe-route-tables --region {region} --filters Name=vpc-id,Values={vpcId} "
            + "--query \"RouteTables[].{table:RouteTableId,subnets:Associations[].SubnetId,main:Associations[].Main,defaultRoute:Routes[?DestinationCidrBlock=='0.0.0.0/0']}\" && "
            + $"aws ec2 describe-vpc-endpoints --region {region} --filters Name=vpc-id,Values={vpcId} Name=service-name,Values=com.amazonaws.{region}.ssmmessages "
            + "--query \"VpcEndpoints[].{id:VpcEndpointId,state:State,privateDns:PrivateDnsEnabled,subnets:SubnetIds}\"";
    }

    public static string TryExec(EcsTask task, string container) =>
        $"aws ecs execute-command --region {CapacityCli.RegionOf(task.TaskArn)} --cluster {task.ClusterName} --task {task.TaskId} --container {container} --interactive --command \"/bin/sh\"";
}
