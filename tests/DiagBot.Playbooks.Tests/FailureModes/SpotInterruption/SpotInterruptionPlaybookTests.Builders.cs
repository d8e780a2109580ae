using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>The interrupted task, its service and the context the Spot tests investigate it in.</summary>
public sealed partial class SpotInterruptionPlaybookTests
{
    private static async Task<EcsTask> DescribeAsync(IEvidenceSource evidence, string arn)
    {
        Assert.True(EcsTaskRef.TryParse(arn, out var reference));
        var task = await evidence.Ecs.DescribeTaskAsync(reference, CancellationToken.None);
        return task.Value ?? throw new InvalidOperationException(task.Gap?.ToString());
    }

    private static DiagnosisContext ContextFor(EcsTask task, IEvidenceSource evidence, TimeProvider? clock = null)
    {
        EcsTaskRef.TryParse(task.TaskArn, out var reference);
        return new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), evidence, clock ?? TimeProvider.System) { Task = task };
    }

    private static EcsTask Interrupted(string? stopCode = "SpotInterruption", string reason = "Your Spot Task was interrupted.") => new()
    {
        TaskArn = $"arn:aws:ecs:eu-west-1:111122223333:task/batch/{TaskId}",
        ClusterArn = "arn:aws:ecs:eu-west-1:111122223333:cluster/batch",
        TaskDefinitionArn = "arn:aws:ecs:eu-west-1:111122223333:task-definition/resizer:3",
        LastStatus = "STOPPED",
        StopCode = stopCode,
        StoppedReason = reason,
        CapacityProviderName = "FARGATE_SPOT",
        Group = "service:resizer",
    };

    private static EcsService Service(params EcsCapacityProviderStrategyItem[] strategy) => new()
    {
        ServiceArn = "arn:aws:ecs:eu-west-1:111122223333:service/batch/resizer",
        ServiceName = "resizer",
        DesiredCount = 4,
        RunningCount = 3,
        CapacityProviderStrategy = strategy,
    };

    private Task<Verdict> InvestigateAsync(EcsTask task) => CreateSut().InvestigateAsync(ContextFor(task, _evidence), CancellationToken.None);

    private static SpotInterruptionPlaybook CreateSut() => new();
}
