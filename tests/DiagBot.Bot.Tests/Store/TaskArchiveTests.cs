using DiagBot.Bot.Store;
using DiagBot.Bot.Tests.Events;
using DiagBot.Diagnostics.Ecs;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Store;

public sealed class TaskArchiveTests
{
    private const string TaskArn = "arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Keep_SameTaskAndVersionTwice_KeptOnce()
    {
        var sut = CreateSut();

        Assert.True(await sut.KeepAsync(EventFixtures.Event(EventFixtures.TaskFailed)));
        Assert.False(await sut.KeepAsync(EventFixtures.Variant(EventFixtures.TaskFailed, "another-delivery-id")));
    }

    [Fact]
    public async Task Find_ArchivedEvent_ReadsLikeDescribeTasksWithIsoTimesAndSidecarFirst()
    {
        var sut = CreateSut();
        await sut.KeepAsync(EventFixtures.Event(EventFixtures.TaskFailed));
        EcsTaskRef.TryParse(TaskArn, out var reference);

        var found = await sut.FindAsync(reference!, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("EssentialContainerExited", found.Task.StopCode);
        Assert.Equal(new DateTimeOffset(2020, 1, 23, 17, 57, 58, 800, TimeSpan.Zero), found.Task.StoppedAt);
        Assert.Equal(["log_router", "web"], found.Task.Containers.Select(c => c.Name));
        Assert.Equal(1, found.Task.Containers[1].ExitCode);
        Assert.Equal("subnet-abcd1234", found.Task.Attachments[0].Details["subnetId"]);
    }

    [Fact]
    public async Task Find_AfterRetention_IsGone()
    {
        var sut = CreateSut(TimeSpan.FromDays(14));
        await sut.KeepAsync(EventFixtures.Event(EventFixtures.TaskFailed));
        EcsTaskRef.TryParse(TaskArn, out var reference);

        _clock.Advance(TimeSpan.FromDays(13));
        Assert.NotNull(await sut.FindAsync(reference!, CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await sut.FindAsync(reference!, CancellationToken.None));
    }

    [Fact]
    public async Task Keep_ServiceEvent_IsNotATask() =>
        Assert.False(await CreateSut().KeepAsync(EventFixtures.Event(EventFixtures.PlacementFailure)));

    private TaskArchive CreateSut(TimeSpan? retention = null)
    {
        var options = new StoreOptions(null, retention ?? StoreOptions.DefaultRetention);
        return new TaskArchive(new InMemoryIncidentStore(_clock) { TaskRetention = options.TaskRetention }, options, _clock);
    }
}
