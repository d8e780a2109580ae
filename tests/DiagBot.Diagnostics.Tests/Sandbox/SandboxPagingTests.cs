using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Logs;
using DiagBot.Sandbox;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>Paging against the sandbox: small pages give the same answer as one big page.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxPagingTests(SharedSandbox shared)
{
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task FilterEvents_PagesOfOne_SameEventsAsOnePage()
    {
        var filter = new LogFilter { Group = new LogGroupRef("/ecs/notifier"), Limit = 50 };

        var whole = await SandboxSession.Start(_sandbox).Logs.FilterEventsAsync(filter, CancellationToken.None);
        var paged = await SandboxSession.Start(_sandbox).Logs.FilterEventsAsync(filter with { PageSize = 1, Limit = 5 }, CancellationToken.None);

        Assert.True(whole.Value!.Count > 1);
        Assert.Equal(whole.Value.Take(Math.Min(5, whole.Value.Count)).Select(e => e.Message), paged.Value!.Select(e => e.Message));
    }

    [Fact]
    public async Task ListTasks_PagesOfOne_SameArnsAsOnePage()
    {
        var (service, cluster) = _sandbox.ServiceSubject("p08-crash-loop");
        var query = new EcsTaskListQuery(cluster) { ServiceName = service, DesiredStatus = "STOPPED" };

        var whole = await SandboxSession.Start(_sandbox).Ecs.ListTasksAsync(query, CancellationToken.None);
        var paged = await SandboxSession.Start(_sandbox).Ecs.ListTasksAsync(query with { PageSize = 1 }, CancellationToken.None);

        Assert.True(whole.Value!.Count > 1);
        Assert.Equal(whole.Value, paged.Value!);
    }
}
