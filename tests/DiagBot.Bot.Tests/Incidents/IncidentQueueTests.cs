using DiagBot.Bot.Incidents;
using DiagBot.Bot.Store;
using DiagBot.Bot.Tests.Events;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Incidents;

/// <summary>The first event of an incident is answered before its diagnosis runs; the worker diagnoses and posts it once.</summary>
public sealed class IncidentQueueTests
{
    [Fact]
    public async Task Handle_FirstEvent_ReturnsBeforeTheDiagnosisThenTheWorkerPostsOnce()
    {
        var sut = new IncidentHarness();

        var result = await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.TaskFailed), CancellationToken.None);
        var diagnosedAtReturn = sut.Diagnoser.Calls;
        await sut.Coordinator.HandleAsync(EventFixtures.Variant(EventFixtures.TaskFailed, "second-delivery", taskId: "0123456789abcdef0123456789abcdef"), CancellationToken.None);
        await sut.DrainAsync();

        Assert.Equal(IntakeResult.Posted, result);
        Assert.Equal(0, diagnosedAtReturn);
        Assert.Equal(1, sut.Diagnoser.Calls);
        var post = Assert.Single(sut.Channel.Of("post"));
        Assert.Contains("Crash loop in service web", post.Text, StringComparison.Ordinal);
        Assert.Contains("2 failing events", sut.Channel.Calls.Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_ReadFromTheStore_ShowsTheIncidentWithItsCurrentCount()
    {
        var sut = new IncidentHarness();
        var feed = new IncidentFeed(new IncidentRecords(sut.Store, new IncidentOptions()), new IncidentOptions(), sut.Clock);

        await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.TaskFailed), CancellationToken.None);
        await sut.DrainAsync();
        var view = (await new IncidentRecords(sut.Store, new IncidentOptions()).ViewAsync(sut.Channel.Of("post").Single().Key))!;
        await feed.PostAsync(view, CancellationToken.None);
        await sut.Coordinator.HandleAsync(EventFixtures.Variant(EventFixtures.TaskFailed, "again", taskId: "0123456789abcdef0123456789abcdef"), CancellationToken.None);

        var entry = Assert.Single(await feed.SnapshotAsync());
        Assert.Equal(2, entry.View.Count);
        Assert.Equal("Crash loop", entry.View.Record.Title);
    }

    [Fact]
    public async Task Recovery_WhileTheFirstDiagnosisWaits_KeepsTheIncidentOpenForTheNextRecovery()
    {
        var sut = new IncidentHarness();

        await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.DeploymentFailed), CancellationToken.None);
        var early = await sut.Coordinator.HandleAsync(EventFixtures.Event(EventFixtures.DeploymentCompleted), CancellationToken.None);
        await sut.DrainAsync();
        var later = await sut.Coordinator.HandleAsync(EventFixtures.Variant(EventFixtures.DeploymentCompleted, "completed-again"), CancellationToken.None);
        await sut.DrainAsync();

        Assert.Equal(IntakeResult.Recovered, early);
        Assert.Equal(IntakeResult.Recovered, later);
        Assert.Single(sut.Channel.Of("reply"), reply => reply.Text.StartsWith("Recovered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_EventsWhileTheFirstDiagnosisWaits_PostShowsTheNewestEvidence()
    {
        var sut = new IncidentHarness();
        var subject = new IncidentSubject("prod", "web", null);

        await sut.Coordinator.HandleAsync("uid-1/1", Failure("Back-off restarting failed container web (exit 1)", subject), CancellationToken.None);
        await sut.Coordinator.HandleAsync("uid-1/2", Failure("OOMKilled: container web used 512Mi of 512Mi", subject), CancellationToken.None);
        await sut.DrainAsync();

        var post = Assert.Single(sut.Channel.Of("post"));
        Assert.Contains("OOMKilled: container web used 512Mi of 512Mi", post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Back-off restarting", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_ReplicaDiedHoldingTheFirstDiagnosis_NextEventAfterTheLeaseTakesItOverAndPostsOnce()
    {
        var sut = new IncidentHarness();
        var subject = new IncidentSubject("prod", "web", null);
        await sut.Coordinator.HandleAsync("uid-2/1", Failure("exit 1", subject), CancellationToken.None);
        Assert.True(sut.Queue.TryDequeue(out _)); // the replica that queued it dies before running it

        var withinLease = await sut.Coordinator.HandleAsync("uid-2/2", Failure("exit 1 again", subject), CancellationToken.None);
        var queuedWithinLease = sut.Queue.TryDequeue(out _);
        sut.Clock.Advance(new IncidentOptions().FirstDiagnosisLease + TimeSpan.FromSeconds(1));
        var afterLease = await sut.Coordinator.HandleAsync("uid-2/3", Failure("exit 1 once more", subject), CancellationToken.None);
        var again = await sut.Coordinator.HandleAsync("uid-2/4", Failure("exit 1, fourth time", subject), CancellationToken.None);
        await sut.DrainAsync();

        Assert.Equal((IntakeResult.Grouped, false, IntakeResult.Posted, IntakeResult.Grouped), (withinLease, queuedWithinLease, afterLease, again));
        Assert.Equal(1, sut.Diagnoser.Calls);
        Assert.Contains("Crash loop in service web", Assert.Single(sut.Channel.Of("post")).Text, StringComparison.Ordinal);
        Assert.Contains("exit 1, fourth time", sut.Channel.Calls.Last().Text, StringComparison.Ordinal);
        Assert.Contains("4 failing events", sut.Channel.Calls.Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JobOfAReplicaThatWasOnlySlow_SkipsTheIncidentTheOtherReplicaPosted()
    {
        var sut = new IncidentHarness();
        var subject = new IncidentSubject("prod", "web", null);
        await sut.Coordinator.HandleAsync("uid-3/1", Failure("exit 1", subject), CancellationToken.None);
        Assert.True(sut.Queue.TryDequeue(out var slow));
        sut.Clock.Advance(new IncidentOptions().FirstDiagnosisLease + TimeSpan.FromSeconds(1));
        await sut.Coordinator.HandleAsync("uid-3/2", Failure("exit 1 again", subject), CancellationToken.None);

        await sut.DrainAsync();
        await sut.Runner.RunAsync(slow, CancellationToken.None);
        await sut.DrainAsync();

        Assert.Equal(1, sut.Diagnoser.Calls);
        Assert.Single(sut.Channel.Of("post"));
    }

    [Fact]
    public async Task Handle_AnotherReplicaBetweenTheClaimAndItsLease_GroupsTheEventAndTheIncidentIsPostedOnce()
    {
        var shared = new InMemoryIncidentStore(new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero)));
        var pausing = new ClaimPausingStore(shared);
        var first = new IncidentHarness(shared: pausing);
        var second = new IncidentHarness(shared: shared);
        var subject = new IncidentSubject("prod", "web", null);

        var claiming = first.Coordinator.HandleAsync("uid-4/1", Failure("exit 1", subject), CancellationToken.None);
        await pausing.Paused; // the first replica has claimed the incident and gone no further
        var meanwhile = await second.Coordinator.HandleAsync("uid-4/2", Failure("exit 1 again", subject), CancellationToken.None);
        pausing.Release();
        var claimed = await claiming;
        await first.DrainAsync();
        await second.DrainAsync();

        Assert.Equal((IntakeResult.Posted, IntakeResult.Grouped), (claimed, meanwhile));
        Assert.Equal(1, first.Diagnoser.Calls + second.Diagnoser.Calls);
        Assert.Single(first.Channel.Of("post").Concat(second.Channel.Of("post")));
    }

    private static IncidentOccurrence Failure(string evidence, IncidentSubject subject) =>
        new("111122223333", "us-east-1", "prod", "web", IncidentOccurrence.ServiceKind, evidence, subject);
}
