namespace DiagBot.Bot.Store;

/// <summary>
/// The state every replica shares: in memory by default, Redis when `DiagBot:Store:Redis` is set. Keys are
/// plain strings chosen by the caller (event ids, incident keys, message ids); every value expires.
/// </summary>
internal interface IIncidentStore
{
    /// <summary>True for the one caller that sets the key first (Redis SET NX with expiry): dedupe and claims.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan expiry);

    /// <summary>Adds one and returns the new value; the expiry is renewed.</summary>
    Task<long> IncrementAsync(string key, TimeSpan expiry);

    Task SetAsync(string key, string value, TimeSpan expiry);

    Task<string?> GetAsync(string key);

    Task RemoveAsync(string key);

    /// <summary>Appends to a list and keeps only its newest <paramref name="keepLast"/> values; the expiry is renewed. One step for every replica.</summary>
    Task AppendAsync(string key, string value, int keepLast, TimeSpan expiry);

    /// <summary>The list's values, oldest first; empty when there is none.</summary>
    Task<IReadOnlyList<string>> ListAsync(string key);

    /// <summary>Adds a member to a set; the expiry is renewed.</summary>
    Task AddToSetAsync(string key, string member, TimeSpan expiry);

    /// <summary>Removes the set and returns its members in one atomic step: of callers racing, one gets them, the others none.</summary>
    Task<IReadOnlyList<string>> TakeSetAsync(string key);

    /// <summary>Keeps a task state change event; false when this task ARN and version is already kept.</summary>
    Task<bool> ArchiveTaskAsync(ArchivedTask task, TimeSpan retention);

    /// <summary>The newest kept event of the task, by ARN or bare id.</summary>
    Task<ArchivedTask?> FindTaskAsync(string taskArnOrId);
}
