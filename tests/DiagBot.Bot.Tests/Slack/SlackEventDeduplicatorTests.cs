using DiagBot.Bot.Slack;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Slack;

public sealed class SlackEventDeduplicatorTests
{
    [Fact]
    public void TryMarkFirst_SameIdTwice_IsFirstOnlyOnce()
    {
        var sut = CreateSut(out _);

        Assert.True(sut.TryMarkFirst("Ev1"));
        Assert.False(sut.TryMarkFirst("Ev1"));
        Assert.True(sut.TryMarkFirst("Ev2"));
    }

    [Fact]
    public void TryMarkFirst_SameIdAfterTheWindow_IsNewAgain()
    {
        var sut = CreateSut(out var clock);
        sut.TryMarkFirst("Ev1");

        clock.Advance(SlackEventDeduplicator.Remember + TimeSpan.FromSeconds(1));

        Assert.True(sut.TryMarkFirst("Ev1"));
        Assert.False(sut.TryMarkFirst("Ev1"));
    }

    [Fact]
    public void TryMarkFirst_ManyOldIds_ArePrunedWithoutForgettingRecentOnes()
    {
        var sut = CreateSut(out var clock);
        for (var index = 0; index < 1500; index++)
        {
            sut.TryMarkFirst("old" + index);
        }

        clock.Advance(SlackEventDeduplicator.Remember + TimeSpan.FromSeconds(1));
        Assert.True(sut.TryMarkFirst("recent"));

        Assert.False(sut.TryMarkFirst("recent"));
        Assert.True(sut.TryMarkFirst("old1"));
    }

    private static SlackEventDeduplicator CreateSut(out FakeTimeProvider clock)
    {
        clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        return new SlackEventDeduplicator(clock);
    }
}
