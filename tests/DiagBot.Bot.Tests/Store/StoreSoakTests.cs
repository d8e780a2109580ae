using System.Globalization;
using DiagBot.Bot.Events;
using DiagBot.Bot.Store;
using DiagBot.Bot.Tests.Events;
using DiagBot.Bot.Tests.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Store;

/// <summary>Issue 16: the in-memory store expires and caps what it holds; counted on a fake clock, never timed.</summary>
public sealed class StoreSoakTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    // Slow tier: its subject is duration itself, 36,000 deliveries over thirty simulated minutes.
    [Fact]
    [Trait("Tier", "Slow")]
    public async Task Soak_ThirtyMinutesOfStoppedTasks_EntryCountStaysFlatOnceAtTheCaps()
    {
        const int PerSecond = 10;
        var sut = new IncidentHarness(messagesPerSecond: 50, maxEntries: 3_000, maxTasks: 1_000);
        var counts = new List<int>();
        var sequence = 0;
        for (var second = 1; second <= 30 * 60; second++)
        {
            sut.Clock.Advance(TimeSpan.FromSeconds(1));
            for (var i = 0; i < PerSecond; i++, sequence++)
            {
                var stopped = Event(sequence);
                await sut.Coordinator.HandleAsync(stopped, CancellationToken.None);
                await sut.Coordinator.HandleAsync(stopped, CancellationToken.None); // delivered twice
            }

            await sut.DiagnoseQueuedAsync();
            if (second % 60 == 0)
            {
                counts.Add(sut.Store.EntryCount);
            }
        }

        // 18,000 events over 100 services: from minute 10 on, the store holds the same number of entries.
        var steady = counts.Skip(9).ToList();
        Assert.True(steady.Max() <= steady.Min() * 1.01, $"entries per minute: {string.Join(", ", counts)}");
        Assert.True(steady.Max() <= 3_000 + 1_000 + 500, $"entries per minute: {string.Join(", ", counts)}");
        Assert.Equal(100, sut.Channel.Of("post").Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public async Task Sweep_ExpiredKeysAndLists_AreGoneAfterAMinuteOfTheClock()
    {
        var sut = new InMemoryIncidentStore(_clock);
        for (var i = 0; i < 100; i++)
        {
            await sut.SetAsync(string.Create(CultureInfo.InvariantCulture, $"k{i}"), "v", TimeSpan.FromSeconds(30));
            await sut.AppendAsync(string.Create(CultureInfo.InvariantCulture, $"l{i}"), "v", 10, TimeSpan.FromSeconds(30));
        }

        Assert.Equal(200, sut.EntryCount);
        _clock.Advance(InMemoryIncidentStore.SweepInterval);
        await sut.SetAsync("fresh", "v", TimeSpan.FromHours(1));

        Assert.Equal(1, sut.EntryCount);
    }

    [Fact]
    public async Task ArchiveTask_PastTheCap_DropsTheOldestTasksFirst()
    {
        var sut = new InMemoryIncidentStore(_clock) { MaxTasks = 3 };
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await sut.ArchiveTaskAsync(new ArchivedTask(TaskArn(i), 1, _clock.GetUtcNow(), "{}"), TimeSpan.FromDays(14));
        }

        var found = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            found.Add(await sut.FindTaskAsync(TaskArn(i)) is not null);
        }

        Assert.Equal([false, false, true, true, true], found);
    }

    [Fact]
    public async Task Keys_PastTheCap_TheOldestGoAndAnOverwrittenKeyKeepsItsNewPlace()
    {
        var sut = new InMemoryIncidentStore(_clock) { MaxEntries = 3 };
        await sut.SetAsync("a", "1", TimeSpan.FromHours(1));
        await sut.SetAsync("b", "1", TimeSpan.FromHours(1));
        await sut.SetAsync("a", "2", TimeSpan.FromHours(1));
        await sut.SetAsync("c", "1", TimeSpan.FromHours(1));
        await sut.SetAsync("d", "1", TimeSpan.FromHours(1));

        Assert.Equal((null, "2", "1", "1"), (await sut.GetAsync("b"), await sut.GetAsync("a"), await sut.GetAsync("c"), await sut.GetAsync("d")));
    }

    private static string TaskArn(int i) => string.Create(CultureInfo.InvariantCulture, $"arn:aws:ecs:us-east-1:111122223333:task/prod/{i:x32}");

    private static EcsEvent Event(int i) => EventFixtures.Variant(
        EventFixtures.TaskFailed,
        eventId: string.Create(CultureInfo.InvariantCulture, $"soak-{i}"),
        service: string.Create(CultureInfo.InvariantCulture, $"svc-{i % 100}"),
        taskId: string.Create(CultureInfo.InvariantCulture, $"{i:x32}"));
}
