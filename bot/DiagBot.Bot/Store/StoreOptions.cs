using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Store;

/// <summary>
/// `DiagBot:Store:Redis` (a StackExchange.Redis connection string; absent means in memory),
/// `DiagBot:Store:TaskRetentionDays`, and the in-memory store's caps `DiagBot:Store:MaxEntries` and
/// `DiagBot:Store:MaxArchivedTasks` (oldest out first; Redis expires its keys itself).
/// </summary>
internal sealed record StoreOptions(string? Redis, TimeSpan TaskRetention)
{
    public const string RedisKey = "DiagBot:Store:Redis";
    public const string RetentionKey = "DiagBot:Store:TaskRetentionDays";
    public const string MaxEntriesKey = "DiagBot:Store:MaxEntries";
    public const string MaxArchivedTasksKey = "DiagBot:Store:MaxArchivedTasks";
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(14);

    /// <summary>Sized for a 512 Mi container: 20,000 keys (a storm's event dedupe marks) and 10,000 task events of a few KB.</summary>
    public const int DefaultMaxEntries = 20_000;
    public const int DefaultMaxArchivedTasks = 10_000;

    public int MaxEntries { get; init; } = DefaultMaxEntries;

    public int MaxArchivedTasks { get; init; } = DefaultMaxArchivedTasks;

    public static StoreOptions Read(IConfiguration configuration)
    {
        var days = configuration[RetentionKey];
        var retention = DefaultRetention;
        if (!string.IsNullOrWhiteSpace(days))
        {
            retention = double.TryParse(days, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? TimeSpan.FromDays(value)
                : throw new InvalidConfigurationException($"{RetentionKey} is '{days}'; it must be a positive number of days (default 14). Set it in appsettings.json or as DiagBot__Store__TaskRetentionDays.");
        }

        var redis = configuration[RedisKey];
        return new StoreOptions(string.IsNullOrWhiteSpace(redis) ? null : redis, retention)
        {
            MaxEntries = Count(configuration, MaxEntriesKey, DefaultMaxEntries),
            MaxArchivedTasks = Count(configuration, MaxArchivedTasksKey, DefaultMaxArchivedTasks),
        };
    }

    private static int Count(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidConfigurationException($"{key} is '{text}'; it must be a positive whole number (default {fallback}). Set it in appsettings.json or as {key.Replace(":", "__", StringComparison.Ordinal)}.");
    }
}
