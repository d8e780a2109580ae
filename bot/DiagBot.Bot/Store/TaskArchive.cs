using System.Text.Json.Nodes;
using DiagBot.Bot.Events;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Store;

/// <summary>Keeps every ECS Task State Change event (deduplicated on task ARN and `version`) and finds it for the Diagnoser.</summary>
internal sealed class TaskArchive(IIncidentStore store, StoreOptions options, TimeProvider clock) : ITaskArchive
{
    public async Task<bool> KeepAsync(EcsEvent ecsEvent)
    {
        if (ecsEvent.DetailType != EcsEvent.TaskStateChange || ecsEvent.Text("taskArn") is not { } taskArn)
        {
            return false;
        }

        var version = ecsEvent.Detail["version"] is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;
        var task = new ArchivedTask(taskArn, version, clock.GetUtcNow(), ecsEvent.Detail.ToJsonString());
        return await store.ArchiveTaskAsync(task, options.TaskRetention).ConfigureAwait(false);
    }

    public async Task<ArchivedTaskFacts?> FindAsync(EcsTaskRef task, CancellationToken cancellationToken)
    {
        var kept = await store.FindTaskAsync(task.Arn ?? task.TaskId).ConfigureAwait(false);
        return kept is not null && JsonNode.Parse(kept.DetailJson) is JsonObject detail
            ? new ArchivedTaskFacts(ArchivedTaskMapper.ToTask(detail), kept.ReceivedAt)
            : null;
    }
}
