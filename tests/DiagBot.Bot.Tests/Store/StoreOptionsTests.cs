using DiagBot.Bot.Hosting;
using DiagBot.Bot.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Store;

public sealed class StoreOptionsTests
{
    [Fact]
    public void Read_Nothing_IsInMemoryWith14DaysRetention()
    {
        var options = StoreOptions.Read(Configuration());

        Assert.Null(options.Redis);
        Assert.Equal(TimeSpan.FromDays(14), options.TaskRetention);
    }

    [Fact]
    public void Read_BadRetention_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => StoreOptions.Read(Configuration(("DiagBot:Store:TaskRetentionDays", "forever"))));

        Assert.Contains("DiagBot:Store:TaskRetentionDays", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddIncidentStore_BadRedisString_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => new ServiceCollection().AddIncidentStore(Configuration(("DiagBot:Store:Redis", "127.0.0.1:6379,nonsense=1"))));

        Assert.Contains("DiagBot:Store:Redis", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
