using DiagBot.Bot.Store;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Store;

public sealed class InMemoryIncidentStoreTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task TryClaim_SecondCallerBeforeExpiry_Loses_AfterExpiry_Wins()
    {
        var sut = new InMemoryIncidentStore(_clock);

        Assert.True(await sut.TryClaimAsync("incident:a", TimeSpan.FromMinutes(1)));
        Assert.False(await sut.TryClaimAsync("incident:a", TimeSpan.FromMinutes(1)));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await sut.TryClaimAsync("incident:a", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Set_ExpiresWithTheClock()
    {
        var sut = new InMemoryIncidentStore(_clock);
        await sut.SetAsync("msg:a", "1700000000.000100", TimeSpan.FromHours(1));

        Assert.Equal("1700000000.000100", await sut.GetAsync("msg:a"));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await sut.GetAsync("msg:a"));
    }

    [Fact]
    public async Task Archive_NewerVersionReplaces_OlderIsRefused()
    {
        var sut = new InMemoryIncidentStore(_clock);
        const string Arn = "arn:aws:ecs:us-east-1:111122223333:task/c/0123456789abcdef0123456789abcdef";

        Assert.True(await sut.ArchiveTaskAsync(new ArchivedTask(Arn, 3, _clock.GetUtcNow(), "{}"), TimeSpan.FromDays(14)));
        Assert.True(await sut.ArchiveTaskAsync(new ArchivedTask(Arn, 5, _clock.GetUtcNow(), "{}"), TimeSpan.FromDays(14)));
        Assert.False(await sut.ArchiveTaskAsync(new ArchivedTask(Arn, 4, _clock.GetUtcNow(), "{}"), TimeSpan.FromDays(14)));
        Assert.Equal(5, (await sut.FindTaskAsync("0123456789abcdef0123456789abcdef"))!.Version);
    }
}
