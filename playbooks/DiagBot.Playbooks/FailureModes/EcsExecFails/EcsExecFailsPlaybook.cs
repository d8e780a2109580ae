using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 15, ECS side: `aws ecs execute-command` fails on a task. Is exec enabled on the task, is its agent running,
/// may its task role open ssmmessages channels, and can its subnet reach ssmmessages?
/// </summary>
internal sealed class EcsExecFailsPlaybook : IPlaybook
{
    public const string TaskNotRunningSubCause = "task-not-running";
    public const string ExecNotEnabledSubCause = "execute-command-not-enabled";
    public const string TaskStartedBeforeExecEnabledSubCause = "task-started-before-exec-enabled";
    public const string NoTaskRoleSubCause = "no-task-role";
    public const string TaskRoleDeniedSubCause = "task-role-denied-ssmmessages";
    public const string NoRouteToSsmMessagesSubCause = "no-route-to-ssmmessages";
    public const string AgentNotRunningSubCause = "execute-command-agent-not-running";
    public const string EcsSideReadySubCause = "ecs-side-ready";

    private const string Running = "RUNNING";

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForTask = [TaskNetworkReader.SubnetEarlyAsync], ForPod = [KubeletReach.EarlyAsync] };

    public int Id => EcsExecFails.Number;

    public string Name => EcsExecFails.Name;

    public string Title => EcsExecFails.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await KubectlExecFails.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        var (subjectTask, listGap) = await TaskToExamineAsync(context, cancellationToken).ConfigureAwait(false);
        if (subjectTask is not { } task)
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No running task to read; give the id or ARN of the task `aws ecs execute-command` fails on.")
                with { Missing = listGap is null ? [] : [listGap] };
        }

        var evidence = TaskEvidence(task).ToList();
        if (task.LastStatus != Running)
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Task {task.TaskId} is {task.LastStatus ?? "not running"}: ECS Exec only opens sessions into running tasks, so there is no exec failure to explain here.")
                with { SubCause = TaskNotRunningSubCause, Evidence = evidence, Confirm = ExecCommandCli.DescribeTaskExec(task) };
        }

        var readings = await EcsExecReadings.ReadAsync(context, task, cancellationToken).ConfigureAwait(false);
        evidence.AddRange(ReadEvidence(readings));
        var findings = EcsExecFindings.For(task, readings).ToList();
        if (findings.Count == 0)
        {
            return readings.Gaps.Count > 0
                ? NewVerdict(VerdictStatus.Inconclusive, $"ECS Exec's task-side prerequisites that could be read are in place on task {task.TaskId}; the rest could not be read, so the cause is not settled.")
                    with { Evidence = evidence, Missing = readings.Gaps, Confirm = ExecCommandCli.DescribeTaskExec(task) }
                : NewVerdict(VerdictStatus.RuledOut, $"The ECS side of task {task.TaskId} is ready for ECS Exec (enabled, agent running, a task role with no ssmmessages denial in CloudTrail, ssmmessages reachable); look at the caller's side.")
                    with
                    {
                        SubCause = EcsSideReadySubCause,
                        Evidence = evidence,
                        Fix =
                        [
                            "Check the caller: ecs:ExecuteCommand allowed for this cluster and task, and the Session Manager plugin installed where the AWS CLI runs.",
                            $"CloudTrail shows denials only once the agent tried; to prove the task role's permissions: `{ExecCommandCli.SimulateTaskRole(readings.Definition!.TaskRoleArn!)}`.",
                            "If the cluster encrypts or logs exec sessions, the caller needs kms:GenerateDataKey on its key and the task role needs access to the log group or bucket.",
                        ],
                        Confirm = ExecCommandCli.TryExec(task, task.Containers.FirstOrDefault()?.Name ?? "app"),
                    };
        }

        var primary = findings[0];
        return NewVerdict(VerdictStatus.Confirmed, primary.RootCause) with
        {
            SubCause = primary.SubCause,
            Evidence = evidence,
            Missing = readings.Gaps,
            Fix = [.. primary.Fix, .. findings.Skip(1).Select(also => $"Also, before the next attempt: {also.RootCause}")],
            Confirm = primary.Confirm,
        };
    }

    // For a service, triage hands over its latest stopped task; exec goes into a running one, so read one of those.
    private static async Task<(EcsTask? Task, EvidenceGap? Gap)> TaskToExamineAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context.Subject is not ServiceSubject || context.Service is not { } service)
        {
            return (context.Task, null);
        }

        var query = new EcsTaskListQuery(service.ClusterArn ?? context.Task?.ClusterArn ?? string.Empty) { ServiceName = service.ServiceName, DesiredStatus = Running, MaxTasks = 1 };
        var listed = await context.Evidence.Ecs.ListTasksAsync(query, cancellationToken).ConfigureAwait(false);
        if (listed.Value?.FirstOrDefault() is not { } arn || !EcsTaskRef.TryParse(arn, out var reference))
        {
            return (null, listed.Gap);
        }

        var described = await context.Evidence.Ecs.DescribeTaskAsync(reference, cancellationToken).ConfigureAwait(false);
        return (described.Value, described.Gap);
    }

    private static IEnumerable<EvidenceItem> TaskEvidence(EcsTask task)
    {
        yield return new EvidenceItem("ecs:DescribeTasks", "task last status", task.LastStatus ?? "(none)");
        yield return new EvidenceItem("ecs:DescribeTasks", "task enableExecuteCommand", task.EnableExecuteCommand ? "true" : "false");
        yield return new EvidenceItem("ecs:DescribeTasks", "task platform version", task.PlatformVersion ?? "(none: EC2)");
        foreach (var container in task.Containers)
        {
            var agent = EcsExecFindings.AgentOf(container);
            yield return new EvidenceItem("ecs:DescribeTasks", $"container {container.Name} {EcsExecFindings.ExecuteCommandAgent}",
                agent is null ? "(none)" : $"{agent.LastStatus ?? "(no status)"}{(agent.Reason is { } reason ? ": " + reason : string.Empty)}");
        }
    }

    private static IEnumerable<EvidenceItem> ReadEvidence(EcsExecReadings readings)
    {
        if (readings.Service is { } service)
        {
            yield return new EvidenceItem("ecs:DescribeServices", $"service {service.ServiceName} enableExecuteCommand", service.EnableExecuteCommand ? "true" : "false");
        }

        if (readings.Definition is { } definition)
        {
            yield return new EvidenceItem("ecs:DescribeTaskDefinition", "task role", definition.TaskRoleArn ?? "(none)");
        }

        if (readings.Denials is { } denials)
        {
            yield return new EvidenceItem("cloudtrail:LookupEvents", $"{EcsExecReadings.SsmMessagesSource} calls denied to the task role since the task started",
                denials.Count == 0 ? "none recorded" : string.Join(", ", denials.Select(d => $"{d.EventName} {d.ErrorCode}").Distinct()));
        }

        foreach (var item in readings.Path.Evidence)
        {
            yield return item;
        }
    }

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
