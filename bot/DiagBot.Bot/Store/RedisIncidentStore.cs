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
    internal const string Prefix = "diagbot:";

    // SMEMBERS then DEL inside one script: Redis runs a script alone, so racing replicas cannot both read the members.
    private const string TakeSetScript = "local members = redis.call('SMEMBERS', KEYS[1]) redis.call('DEL', KEYS[1]) return members";

    // RPUSH, LTRIM and PEXPIRE as one step, so a list never outlives its expiry nor grows past its bound.
    private const string AppendScript = "redis.call('RPUSH', KEYS[1], ARGV[1]) redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1) redis.call('PEXPIRE', KEYS[1], ARGV[3]) return 1";

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

    public Task AppendAsync(string key, string value, int keepLast, TimeSpan expiry) =>
        Db.ScriptEvaluateAsync(AppendScript, [Prefix + key], [value, keepLast, (long)expiry.TotalMilliseconds]);

    public async Task<IReadOnlyList<string>> ListAsync(string key) =>
        [.. (await Db.ListRangeAsync(Prefix + key).ConfigureAwait(false)).Select(value => value.ToString())];

    public async Task AddToSetAsync(string key, string member, TimeSpan expiry)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.SetAddAsync(Prefix + key, member);
        _ = transaction.KeyExpireAsync(Prefix + key, expiry);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> TakeSetAsync(string key)
    {
        var result = await Db.ScriptEvaluateAsync(TakeSetScript, [Prefix + key]).ConfigureAwait(false);
        return result.IsNull ? [] : [.. ((RedisResult[])result!).Select(member => member.ToString())];
    }

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
