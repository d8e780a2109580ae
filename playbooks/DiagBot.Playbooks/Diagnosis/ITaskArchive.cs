using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// Tasks kept from their ECS Task State Change events, for when DescribeTasks no longer knows them
/// (ECS forgets a stopped task about an hour after it stops). The bot's store implements it.
/// </summary>
public interface ITaskArchive
{
    Task<ArchivedTaskFacts?> FindAsync(EcsTaskRef task, CancellationToken cancellationToken);
}

/// <summary>The task as its last kept event described it, and when that event arrived.</summary>
public sealed record ArchivedTaskFacts(EcsTask Task, DateTimeOffset ReceivedAt);

/// <summary>No archive: the default when nothing keeps events.</summary>
public sealed class NoTaskArchive : ITaskArchive
{
    public static NoTaskArchive Instance { get; } = new();

    public Task<ArchivedTaskFacts?> FindAsync(EcsTaskRef task, CancellationToken cancellationToken) => Task.FromResult<ArchivedTaskFacts?>(null);
}
