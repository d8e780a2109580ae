using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.Tests.Services;

public sealed class TaskTimelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("(service tutorial) has started 1 tasks: (task 58c1a587-ec79-469c-8046-1b8b84231a4d).", true, 1, "58c1a587-ec79-469c-8046-1b8b84231a4d")]
    [InlineData(
        "(service civictechjobs-fullstack-stage) has stopped 1 running tasks: (task ca675154981d4ebd81b7a97747141a2e).",
        false, 1, "ca675154981d4ebd81b7a97747141a2e")]
    public void Parse_SchedulerStartOrStop_ReadsVerbCountAndTask(string message, bool started, int count, string task)
    {
        var parsed = ServiceTaskEvents.Parse(Now, message);

        Assert.NotNull(parsed);
        Assert.Equal((started, count), (parsed.Started, parsed.Count));
        Assert.Equal(task, Assert.Single(parsed.TaskIds));
    }

    [Fact]
    public void Parse_SteadyState_IsNoStartOrStop()
    {
        Assert.Null(ServiceTaskEvents.Parse(Now, "(service tutorial) has reached a steady state."));
    }

    [Fact]
    public void Of_NothingStartedOrStoppedInTheWindow_DrawsNothing()
    {
        var old = Task("a", stoppedAt: Now.AddHours(-5));
        var service = new EcsService
        {
            ServiceArn = "arn:aws:ecs:us-east-1:111122223333:service/prod/web", ServiceName = "web", DesiredCount = 2, RunningCount = 2,
        };

        Assert.Null(TaskTimeline.Of("web", service, [old], Now));
    }

    [Fact]
    public void Of_SchedulerStopOfAnUnreadTask_IsItsOwnSeriesAndAReadStopIsNotCountedTwice()
    {
        var read = Task("aaaaaaaa11112222333344445555", stoppedAt: Now.AddMinutes(-10));
        var service = new EcsService
        {
            ServiceArn = "arn:aws:ecs:us-east-1:111122223333:service/prod/web", ServiceName = "web", DesiredCount = 2, RunningCount = 1,
            Events =
            [
                new EcsServiceEvent("1", Now.AddMinutes(-10), "(service web) has stopped 1 running tasks: (task aaaaaaaa11112222333344445555)."),
                new EcsServiceEvent("2", Now.AddMinutes(-20), "(service web) has stopped 1 running tasks: (task bbbbbbbb11112222333344445555)."),
            ],
        };

        var chart = TaskTimeline.Of("web", service, [read], Now)!;

        Assert.Equal(1, chart.Series.Single(s => s.Name == "stopped: EssentialContainerExited, exit 1").Points.Single().Value);
        var scheduler = chart.Series.Single(s => s.Name == "stopped by the scheduler (service event)");
        Assert.Equal([(Now.AddMinutes(-20), 1.0)], scheduler.Points.Select(p => (p.At, p.Value)));
    }

    private static EcsTask Task(string id, DateTimeOffset stoppedAt) => new()
    {
        TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/" + id,
        ClusterArn = "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:111122223333:task-definition/web:1",
        LastStatus = "STOPPED",
        StopCode = "EssentialContainerExited",
        StoppedAt = stoppedAt,
        Containers = [new EcsContainer { Name = "web", ExitCode = 1 }],
    };
}
