using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Store;

/// <summary>`DiagBot:Store:Redis` (a StackExchange.Redis connection string; absent means in memory) and `DiagBot:Store:TaskRetentionDays`.</summary>
internal sealed record StoreOptions(string? Redis, TimeSpan TaskRetention)
{
    public const string RedisKey = "DiagBot:Store:Redis";
    public const string RetentionKey = "DiagBot:Store:TaskRetentionDays";
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(14);

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
        return new StoreOptions(string.IsNullOrWhiteSpace(redis) ? null : redis, retention);
    }
}
