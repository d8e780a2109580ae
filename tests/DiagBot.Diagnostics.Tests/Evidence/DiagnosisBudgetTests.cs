using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Evidence;

/// <summary>One budget for the whole diagnosis: slow calls eat it, and the call it runs out in says so.</summary>
public sealed class DiagnosisBudgetTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeTask_BudgetRunsOutDuringTheSecondHang_IsBudgetExhausted()
    {
        _server.Reply = _ => FakeReply.Hanging();
        var clock = EvidenceHarness.Clock();
        var settings = EvidenceHarness.Settings(_server.BaseAddress, ("DiagBot:Aws:CallTimeout", "00:00:04"), ("DiagBot:Aws:DiagnosisBudget", "00:00:06"));
        var ecs = EvidenceHarness.Build(settings, clock).GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;

        var first = ecs.DescribeTaskAsync(Ref("0123456789abcdef0123456789abcdef"), CancellationToken.None);
        await WaitForRequestsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(4));
        var firstResult = await first.WaitAsync(TimeSpan.FromSeconds(10));

        var second = ecs.DescribeTaskAsync(Ref("fedcba9876543210fedcba9876543210"), CancellationToken.None);
        await WaitForRequestsAsync(2);
        clock.Advance(TimeSpan.FromSeconds(2));
        var secondResult = await second.WaitAsync(TimeSpan.FromSeconds(10));
        var third = await ecs.DescribeTaskAsync(Ref("00000000000000000000000000000000"), CancellationToken.None);

        Assert.Equal(GapReason.TimedOut, firstResult.Gap!.Reason);
        Assert.Equal(GapReason.BudgetExhausted, secondResult.Gap!.Reason);
        Assert.Equal(GapReason.BudgetExhausted, third.Gap!.Reason);
        Assert.Equal(2, _server.Requests.Count);
    }

    private async Task WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 500 && _server.Requests.Count < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, _server.Requests.Count);
    }

    private static EcsTaskRef Ref(string id) =>
        EcsTaskRef.TryParse($"arn:aws:ecs:us-east-1:111122223333:task/prod/{id}", out var task) ? task : throw new InvalidOperationException();
}
