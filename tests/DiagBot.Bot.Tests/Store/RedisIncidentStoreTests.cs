using DiagBot.Bot.Store;
using StackExchange.Redis;

namespace DiagBot.Bot.Tests.Store;

[Trait("Tier", "External")]
public sealed class RedisIncidentStoreTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task TryClaim_TwoStoresOnOneRedis_OnlyOneWins()
    {
        var first = new RedisIncidentStore(_connection);
        await using var other = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var second = new RedisIncidentStore(other);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? first : second).TryClaimAsync("incident:k", TimeSpan.FromMinutes(5))));

        Assert.Single(claims, won => won);
        Assert.True(await _connection.GetDatabase().KeyTimeToLiveAsync("diagbot:incident:k") > TimeSpan.FromMinutes(4));
    }

    [Fact]
    public async Task Set_StoresMessageIdWithExpiry()
    {
        var sut = new RedisIncidentStore(_connection);

        await sut.SetAsync("msg:k:slack:C1", "1700000000.000100", TimeSpan.FromHours(6));

        Assert.Equal("1700000000.000100", await sut.GetAsync("msg:k:slack:C1"));
        Assert.True(await _connection.GetDatabase().KeyTimeToLiveAsync("diagbot:msg:k:slack:C1") > TimeSpan.FromHours(5));
    }

    [Fact]
    public async Task Archive_DeduplicatesOnArnAndVersion_KeepsNewest()
    {
        var sut = new RedisIncidentStore(_connection);
        const string Arn = "arn:aws:ecs:us-east-1:111122223333:task/c/0123456789abcdef0123456789abcdef";
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

        Assert.True(await sut.ArchiveTaskAsync(new ArchivedTask(Arn, 5, now, "{}"), TimeSpan.FromDays(14)));
        Assert.False(await sut.ArchiveTaskAsync(new ArchivedTask(Arn, 5, now, "{}"), TimeSpan.FromDays(14)));
        Assert.True(await sut.ArchiveTaskAsync(new ArchivedTask(Arn, 3, now, "{}"), TimeSpan.FromDays(14)));
        Assert.Equal(5, (await sut.FindTaskAsync(Arn))!.Version);
        Assert.True(await _connection.GetDatabase().KeyTimeToLiveAsync("diagbot:task:0123456789abcdef0123456789abcdef") > TimeSpan.FromDays(13));
    }
}
