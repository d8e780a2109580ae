using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Commands;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>One thing that stops ECS Exec on a task, with its fix and the command that shows it.</summary>
internal sealed record EcsExecFinding(string SubCause, string RootCause, IReadOnlyList<string> Fix, string Confirm);

/// <summary>The task-side prerequisites of ECS Exec, checked in the order that decides: the flag, the role, the network, the agent.</summary>
internal static class EcsExecFindings
{
    public const string ExecuteCommandAgent = "ExecuteCommandAgent";
    private const string Running = "RUNNING";

    public static IEnumerable<EcsExecFinding> For(EcsTask task, EcsExecReadings readings)
    {
        var region = CapacityCli.RegionOf(task.TaskArn);
        var service = readings.Service;
        if (!task.EnableExecuteCommand)
        {
            yield return service is { EnableExecuteCommand: true }
                ? new EcsExecFinding(EcsExecFailsPlaybook.TaskStartedBeforeExecEnabledSubCause,
                    $"Task {task.TaskId} started before execute-command was enabled on service {service.ServiceName}: ECS applies the setting only to tasks started after it, so this task has enableExecuteCommand false and no {ExecuteCommandAgent}.",
                    [$"Replace the service's tasks so they start with the setting: `aws ecs update-service --region {region} --cluster {task.ClusterName} --service {service.ServiceName} --force-new-deployment`.", "Run `aws ecs execute-command` against one of the new tasks once its ExecuteCommandAgent is RUNNING."],
                    ExecCommandCli.CompareServiceExec(task, service.ServiceName))
                : new EcsExecFinding(EcsExecFailsPlaybook.ExecNotEnabledSubCause,
                    $"ECS Exec is not enabled on task {task.TaskId} (enableExecuteCommand false{(service is null ? string.Empty : $", and service {service.ServiceName} has it off too")}), so ECS started no {ExecuteCommandAgent} in it.",
                    [service is null
                        ? "Start the task again with `--enable-execute-command` (run-task or start-task); a running task cannot be switched."
                        : $"Enable it and replace the tasks: `aws ecs update-service --region {region} --cluster {task.ClusterName} --service {service.ServiceName} --enable-execute-command --force-new-deployment`.",
                     "Give the task role the ssmmessages permissions ECS Exec needs before the new tasks start."],
                    service is null ? ExecCommandCli.DescribeTaskExec(task) : ExecCommandCli.CompareServiceExec(task, service.ServiceName));
        }

        if (readings.Definition is { TaskRoleArn: null } definition)
        {
            yield return new EcsExecFinding(EcsExecFailsPlaybook.NoTaskRoleSubCause,
                $"Task definition {definition.Family}:{definition.Revision} has no task role, and the {ExecuteCommandAgent} needs one allowed to call {string.Join(", ", ExecCommandCli.SsmMessagesActions)}.",
                [$"Add a task role (taskRoleArn) whose policy allows {string.Join(", ", ExecCommandCli.SsmMessagesActions)} on \"*\", register the revision and redeploy.", "The execution role does not count: the agent in the task uses the task role."],
                ExecCommandCli.TaskRole(task));
        }

        if (readings.Denials is { Count: > 0 } denials && readings.Definition?.TaskRoleArn is { } roleArn)
        {
            var actions = denials.Select(d => $"ssmmessages:{d.EventName}").Distinct().ToList();
            yield return new EcsExecFinding(EcsExecFailsPlaybook.TaskRoleDeniedSubCause,
                $"Task role {roleArn} was denied {string.Join(", ", actions)} (CloudTrail), so the {ExecuteCommandAgent} cannot open its control and data channels.",
                [$"Allow {string.Join(", ", ExecCommandCli.SsmMessagesActions)} on \"*\" in a policy of {roleArn}; check no permission boundary or SCP denies them.", "Start a new task (or force a new deployment) so the agent connects with the new permissions."],
                ExecCommandCli.SimulateTaskRole(roleArn));
        }

        if (readings.Path is { Reachable: false, SubnetId: { } subnet, VpcId: { } vpc })
        {
            yield return new EcsExecFinding(EcsExecFailsPlaybook.NoRouteToSsmMessagesSubCause,
                $"Subnet {subnet} of task {task.TaskId} has no route out (no NAT gateway, or an internet gateway without a public IP) and VPC {vpc} has no ssmmessages interface endpoint, so the {ExecuteCommandAgent} cannot reach Systems Manager.",
                [$"Create the endpoint: `aws ec2 create-vpc-endpoint --region {region} --vpc-id {vpc} --vpc-endpoint-type Interface --service-name com.amazonaws.{region}.ssmmessages --subnet-ids {subnet} --private-dns-enabled` (its security group must allow 443 from the task).", "Or give the subnet a default route through a NAT gateway; then start a new task."],
                ExecCommandCli.SsmMessagesPath(task, vpc));
        }

        if (task.EnableExecuteCommand && task.Containers.FirstOrDefault(c => AgentOf(c)?.LastStatus != Running) is { } stalled)
        {
            var agent = AgentOf(stalled);
            yield return new EcsExecFinding(EcsExecFailsPlaybook.AgentNotRunningSubCause,
                $"The {ExecuteCommandAgent} of container {stalled.Name} is {agent?.LastStatus ?? "missing"}{(agent?.Reason is { } reason ? $" ({reason})" : string.Empty)}, so ECS Exec has nothing to connect to.",
                ["If the task has just started, wait until the agent is RUNNING and retry; ECS Exec answers TargetNotConnectedException until then.", "Otherwise check what the agent needs in the container: Fargate platform 1.4.0 or later, a writable root filesystem (readonlyRootFilesystem false), and replace the task."],
                ExecCommandCli.DescribeTaskExec(task));
        }
    }

    public static EcsManagedAgent? AgentOf(EcsContainer container) =>
        container.ManagedAgents.FirstOrDefault(a => a.Name == ExecuteCommandAgent);
}
