using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Services;

/// <summary>
/// A service's stopped task that failed to start (its image, its secrets, its binary) under a task definition the service
/// no longer runs: the current (PRIMARY) deployment names another revision, its rollout COMPLETED, and every desired task
/// runs. ECS lists a stopped task for about an hour, so a start failure a later deploy fixed is still the first stopped
/// task a reader sees (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html).
/// </summary>
internal sealed record FixedByLaterDeploy(EcsService Service, EcsDeployment Current)
{
    private const string Primary = "PRIMARY";
    private const string Completed = "COMPLETED";

    /// <summary>The deployment that replaced the failed task's revision; null when the engineer named the task itself.</summary>
    public static FixedByLaterDeploy? Find(DiagnosisContext context, EcsTask task)
    {
        if (context.Subject is TaskSubject || context.Service is not { } service)
        {
            return null;
        }

        // rolloutState is absent for some deployment types; a lone deployment with every task running is done as well.
        var current = service.Deployments.FirstOrDefault(d => d.Status == Primary);
        var done = current is not null && (current.RolloutState == Completed || (current.RolloutState is null && service.Deployments.Count == 1));
        return done && current!.TaskDefinition is { } definition && definition != task.TaskDefinitionArn
            && current.DesiredCount > 0 && current.RunningCount >= current.DesiredCount
            ? new FixedByLaterDeploy(service, current)
            : null;
    }

    /// <param name="failed">What the task could not do, as a verb phrase ("could not pull its image").</param>
    /// <param name="failure">The failure's own message, as read.</param>
    public Verdict RuledOut(IPlaybook playbook, EcsTask task, string failed, EvidenceItem failure) =>
        Verdict.For(playbook, VerdictStatus.RuledOut,
            $"Task {task.TaskId} of {Revision(task.TaskDefinitionArn)} {failed}, but service {Service.ServiceName} has been deployed since: "
            + $"deployment {Current.Id} runs {Revision(Current.TaskDefinition)} with {Current.RunningCount} of {Current.DesiredCount} tasks running "
            + "and its rollout completed, so that failure is history, not today's problem.")
        with
        {
            Evidence =
            [
                failure,
                new("ecs:DescribeTasks", $"task {task.TaskId} task definition", task.TaskDefinitionArn),
                new("ecs:DescribeServices", $"deployment {Current.Id} ({Current.Status})",
                    $"{Current.TaskDefinition}: {Current.RunningCount} of {Current.DesiredCount} running, rollout {Current.RolloutState ?? "(not reported)"}"),
            ],
            Confirm = ServiceCli.Deployments(ServiceScope.RegionOf(Service.ServiceArn), ServiceScope.ClusterNameOf(Service, task), Service.ServiceName),
        };

    // "arn:aws:ecs:...:task-definition/invoice-api:14" reads as "invoice-api:14".
    private static string Revision(string? arn) => arn is null ? "(unknown)" : arn[(arn.LastIndexOf('/') + 1)..];
}
