using System.Globalization;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Tests.Events;

namespace DiagBot.Bot.Tests.Incidents;

public sealed class IncidentStormTests
{
    [Fact]
    public async Task Storm_1000StoppedEventsAcross10ServicesDeliveredTwice_Posts10WithinTheRateLimit()
    {
        var sut = new IncidentHarness(messagesPerSecond: 1);
        var events = StormEvents(services: 10, perService: 100);

        // 1,000 events within 60 s, each delivered twice (at-least-once), the copy a little later.
        for (var i = 0; i < events.Count; i++)
        {
            sut.Clock.Advance(TimeSpan.FromMilliseconds(60));
            await sut.Coordinator.HandleAsync(events[i], CancellationToken.None);
            await sut.Coordinator.HandleAsync(events[Math.Max(0, i - 3)], CancellationToken.None);
            await sut.DiagnoseQueuedAsync();
        }

        await sut.DrainAsync();

        Assert.Equal(10, sut.Channel.Of("post").Count());
        Assert.Equal(10, sut.Channel.Of("post").Select(p => p.Key).Distinct().Count());
        Assert.True(sut.Channel.BusiestSecond() <= 1, $"busiest second had {sut.Channel.BusiestSecond()} calls");
        Assert.Equal(10, sut.Diagnoser.Calls);
        Assert.All(sut.Channel.Of("update").GroupBy(u => u.Key), updates => Assert.Contains("100 failing events", updates.Last().Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storm_ThreadRepliesAtMostOncePerMinutePerIncident()
    {
        var sut = new IncidentHarness(messagesPerSecond: 50);
        foreach (var e in StormEvents(services: 2, perService: 300))
        {
            sut.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await sut.Coordinator.HandleAsync(e, CancellationToken.None);
            await sut.DiagnoseQueuedAsync(); // the worker runs alongside the intake
        }

        await sut.DrainAsync();

        foreach (var replies in sut.Channel.Of("reply").GroupBy(r => r.Key))
        {
            var times = replies.Select(r => r.At).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMinutes(1)));
        }

        Assert.NotEmpty(sut.Channel.Of("reply"));
    }

    [Theory]
    [InlineData(EventFixtures.TaskScaleIn)]
    [InlineData(EventFixtures.TaskStoppedByUser)]
    [InlineData(EventFixtures.SteadyState)]
    public async Task Handle_LookAlike_NeverPosts(string fixture)
    {
        var sut = new IncidentHarness();

        var result = await sut.Coordinator.HandleAsync(EventFixtures.Event(fixture), CancellationToken.None);
        await sut.DrainAsync();

        Assert.Equal(IntakeResult.Ignored, result);
        Assert.Empty(sut.Channel.Calls);
        Assert.Equal(0, sut.Diagnoser.Calls);
    }

    [Fact]
    public async Task Handle_SameEventTwice_ProcessedOnce()
    {
        var sut = new IncidentHarness();

        var first = await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.TaskFailed), CancellationToken.None);
        var again = await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.TaskFailed), CancellationToken.None);
        await sut.DrainAsync();

        Assert.Equal(IntakeResult.Posted, first);
        Assert.Equal(IntakeResult.Duplicate, again);
        Assert.Single(sut.Channel.Of("post"));
        Assert.Contains("1 failing event", sut.Channel.Of("post").Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_DeploymentFailedThenCompleted_ThreadSaysRecovered()
    {
        var sut = new IncidentHarness();

        await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.DeploymentFailed), CancellationToken.None);
        await sut.DrainAsync();
        var result = await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.DeploymentCompleted), CancellationToken.None);
        await sut.DrainAsync();

        Assert.Equal(IntakeResult.Recovered, result);
        Assert.Contains(sut.Channel.Of("reply"), r => r.Text.StartsWith("Recovered", StringComparison.Ordinal));
        Assert.Contains("Recovered", sut.Channel.Of("update").Last().Text, StringComparison.Ordinal);
    }

    internal static List<DiagBot.Bot.Events.EcsEvent> StormEvents(int services, int perService) =>
        [.. Enumerable.Range(0, services * perService).Select(i => EventFixtures.Variant(
            EventFixtures.TaskFailed,
            eventId: string.Create(CultureInfo.InvariantCulture, $"storm-{i}"),
            service: string.Create(CultureInfo.InvariantCulture, $"svc-{i % services}"),
            taskId: string.Create(CultureInfo.InvariantCulture, $"{i:x32}")))];
}
