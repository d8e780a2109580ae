using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace DiagBot.Bot.Store;

/// <summary>
/// The shared store for several replicas: claims are SET NX with expiry, so exactly one replica wins an
/// incident key; counts are INCR; tasks are kept under their id, deduplicated by a SET NX on ARN and version.
/// </summary>
internal sealed class RedisIncidentStore(IConnectionMultiplexer redis) : IIncidentStore
{
    private const string Prefix = "diagbot:";

    private IDatabase Db => redis.GetDatabase();

    public Task<bool> TryClaimAsync(string key, TimeSpan expiry) =>
        Db.StringSetAsync(Prefix + key, "1", expiry, When.NotExists);

    public async Task<long> IncrementAsync(string key, TimeSpan expiry)
    {
        var value = await Db.StringIncrementAsync(Prefix + key).ConfigureAwait(false);
        await Db.KeyExpireAsync(Prefix + key, expiry).ConfigureAwait(false);
        return value;
    }

    public Task SetAsync(string key, string value, TimeSpan expiry) => Db.StringSetAsync(Prefix + key, value, expiry);

    public async Task<string?> GetAsync(string key) => await Db.StringGetAsync(Prefix + key).ConfigureAwait(false);

    public Task RemoveAsync(string key) => Db.KeyDeleteAsync(Prefix + key);

    public async Task<bool> ArchiveTaskAsync(ArchivedTask task, TimeSpan retention)
    {
        var version = string.Create(CultureInfo.InvariantCulture, $"{Prefix}task-version:{task.TaskArn}:{task.Version}");
        if (!await Db.StringSetAsync(version, "1", retention, When.NotExists).ConfigureAwait(false))
        {
            return false;
        }

        // Events of one task may arrive out of order: keep the highest version under the id.
        var kept = await FindTaskAsync(task.TaskId).ConfigureAwait(false);
        if (kept is null || kept.Version < task.Version)
        {
            await Db.StringSetAsync(TaskKey(task.TaskId), JsonSerializer.Serialize(task), retention).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<ArchivedTask?> FindTaskAsync(string taskArnOrId)
    {
        var json = await Db.StringGetAsync(TaskKey(taskArnOrId[(taskArnOrId.LastIndexOf('/') + 1)..])).ConfigureAwait(false);
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<ArchivedTask>(json.ToString());
    }

    private static string TaskKey(string id) => $"{Prefix}task:{id}";
}
