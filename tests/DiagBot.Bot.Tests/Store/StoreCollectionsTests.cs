using DiagBot.Bot.Store;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace DiagBot.Bot.Tests.Store;

/// <summary>The lists (web feed) and sets (open incidents) of both stores: bounded, expiring, and taken by one caller only.</summary>
[Trait("Tier", "External")]
public sealed class StoreCollectionsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
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

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    public async Task Append_KeepsTheNewestInOrder(string kind)
    {
        var sut = Store(kind);

        foreach (var value in new[] { "a", "b", "c", "d" })
        {
            await sut.AppendAsync("feed", value, keepLast: 3, TimeSpan.FromHours(1));
        }

        Assert.Equal(["b", "c", "d"], await sut.ListAsync("feed"));
        Assert.Empty(await sut.ListAsync("nothing"));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    public async Task TakeSet_CallersRacing_OnlyOneGetsTheMembers(string kind)
    {
        var sut = Store(kind);
        await sut.AddToSetAsync("open:s", "k1", TimeSpan.FromHours(1));
        await sut.AddToSetAsync("open:s", "k2", TimeSpan.FromHours(1));
        await sut.AddToSetAsync("open:s", "k1", TimeSpan.FromHours(1));

        var takes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => sut.TakeSetAsync("open:s"))));

        var winner = Assert.Single(takes, members => members.Count > 0);
        Assert.Equal(["k1", "k2"], winner.Order(StringComparer.Ordinal));
        Assert.Empty(await sut.TakeSetAsync("open:s"));
    }

    [Fact]
    public async Task Redis_ListAndSet_CarryTheirExpiry()
    {
        var sut = new RedisIncidentStore(_connection);

        await sut.AppendAsync("feed", "k", 10, TimeSpan.FromHours(6));
        await sut.AddToSetAsync("open:s", "k", TimeSpan.FromHours(6));

        Assert.True(await _connection.GetDatabase().KeyTimeToLiveAsync("diagbot:feed") > TimeSpan.FromHours(5));
        Assert.True(await _connection.GetDatabase().KeyTimeToLiveAsync("diagbot:open:s") > TimeSpan.FromHours(5));
    }

    [Fact]
    public async Task InMemory_ListAndSet_ExpireOnTheClock()
    {
        var sut = new InMemoryIncidentStore(_clock);
        await sut.AppendAsync("feed", "k", 10, TimeSpan.FromMinutes(5));
        await sut.AddToSetAsync("open:s", "k", TimeSpan.FromMinutes(5));

        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Empty(await sut.ListAsync("feed"));
        Assert.Empty(await sut.TakeSetAsync("open:s"));
    }

    private IIncidentStore Store(string kind) => kind == "redis" ? new RedisIncidentStore(_connection) : new InMemoryIncidentStore(_clock);
}
