using System.Globalization;
using System.Text.Json;
using DiagBot.Bot.Store;
using DiagBot.Playbooks.Verdicts;

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

    /// <summary>
    /// The first diagnosis' charts, kept beside the record rather than in it: the record is rewritten on every event of
    /// a storm, and a chart's points (up to a few hundred) would be rewritten with it for nothing.
    /// </summary>
    public static string Charts(string key) => "charts:" + key;

    public IIncidentStore Store => store;

    public async Task<IncidentView?> ViewAsync(string key, bool withCharts = false)
    {
        if (await GetAsync(key).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var count = await store.GetAsync(Count(key)).ConfigureAwait(false);
        var view = new IncidentView(record, count is null ? 0 : long.Parse(count, CultureInfo.InvariantCulture));
        return withCharts ? view with { Charts = await ChartsAsync(key).ConfigureAwait(false) } : view;
    }

    public async Task<IReadOnlyList<Chart>> ChartsAsync(string key) =>
        await store.GetAsync(Charts(key)).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<List<Chart>>(json) ?? [] : [];

    /// <summary>Kept before the record is written, so whoever sees the record sees its charts; none removes an earlier incident's.</summary>
    public Task SaveChartsAsync(string key, IReadOnlyList<Chart> charts) => charts.Count == 0
        ? store.RemoveAsync(Charts(key))
        : store.SetAsync(Charts(key), JsonSerializer.Serialize(charts.Select(Finite)), options.IncidentExpiry);

    public async Task<IncidentRecord?> GetAsync(string key) =>
        await store.GetAsync("record:" + key).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<IncidentRecord>(json) : null;

    public Task SaveAsync(IncidentRecord record) =>
        store.SetAsync("record:" + record.Key, JsonSerializer.Serialize(record), options.IncidentExpiry);

    // JSON has no NaN: a point or limit without a finite value is not drawn anyway.
    private static Chart Finite(Chart chart) => chart with
    {
        Series = [.. chart.Series.Select(series => series with { Points = [.. series.Points.Where(point => double.IsFinite(point.Value))] })],
        Thresholds = [.. chart.Thresholds.Where(threshold => double.IsFinite(threshold.Value))],
    };
}
