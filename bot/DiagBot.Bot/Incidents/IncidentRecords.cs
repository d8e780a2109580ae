using System.Globalization;
using System.Text.Json;
using DiagBot.Bot.Store;

namespace DiagBot.Bot.Incidents;

/// <summary>The store's keys for incidents, in one place.</summary>
internal sealed class IncidentRecords(IIncidentStore store, IncidentOptions options)
{
    public static string Claim(string key) => "incident:" + key;

    public static string Count(string key) => "count:" + key;

    public static string Reply(string key) => "reply:" + key;

    public static string Open(string serviceScope) => "open:" + serviceScope;

    /// <summary>Held, and renewed, by the replica whose first diagnosis of the incident is queued or running.</summary>
    public static string FirstDiagnosis(string key) => "first:" + key;

    /// <summary>The newest evidence of an incident whose record is not written yet (its first diagnosis still queued).</summary>
    public static string Latest(string key) => "latest:" + key;

    public static string Message(string key, IIncidentChannel channel) => $"msg:{key}:{channel.Name}";

    public IIncidentStore Store => store;

    public async Task<IncidentView?> ViewAsync(string key)
    {
        if (await GetAsync(key).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var count = await store.GetAsync(Count(key)).ConfigureAwait(false);
        return new IncidentView(record, count is null ? 0 : long.Parse(count, CultureInfo.InvariantCulture));
    }

    public async Task<IncidentRecord?> GetAsync(string key) =>
        await store.GetAsync("record:" + key).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<IncidentRecord>(json) : null;

    public Task SaveAsync(IncidentRecord record) =>
        store.SetAsync("record:" + record.Key, JsonSerializer.Serialize(record), options.IncidentExpiry);
}
