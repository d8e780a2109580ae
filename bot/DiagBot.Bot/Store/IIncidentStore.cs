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

    /// <summary>Keeps a task state change event; false when this task ARN and version is already kept.</summary>
    Task<bool> ArchiveTaskAsync(ArchivedTask task, TimeSpan retention);

    /// <summary>The newest kept event of the task, by ARN or bare id.</summary>
    Task<ArchivedTask?> FindTaskAsync(string taskArnOrId);
}
