using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Tests.Evidence;

/// <summary>Concurrent diagnoses of one subject share a read while it is in flight, and only then.</summary>
public sealed class InFlightReadsTests
{
    private const string Key = "ecs:DescribeTasks:111122223333/us-east-1:prod:4f1b9b2a6f2e4c0c9d7a1b2c3d4e5f60";

    [Fact]
    public async Task JoinAsync_SecondDiagnosisWhileFirstWaits_OneRequestTwoAnswers()
    {
        var sut = new InFlightReads();
        var answer = new TaskCompletionSource<EvidenceResult<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        Task<EvidenceResult<string>> Load()
        {
            Interlocked.Increment(ref loads);
            return answer.Task;
        }

        var first = sut.JoinAsync(Key, Load);
        var second = sut.JoinAsync(Key, Load);
        answer.SetResult(EvidenceResult<string>.Found("STOPPED"));

        Assert.Equal("STOPPED", (await first).Value);
        Assert.Equal("STOPPED", (await second).Value);
        Assert.Equal(1, loads);
        Assert.Equal(1, sut.Joined);
    }

    [Fact]
    public async Task JoinAsync_AfterTheAnswer_ReadsAfreshAndKeepsNothing()
    {
        var sut = new InFlightReads();
        var loads = 0;

        await sut.JoinAsync(Key, () => Task.FromResult(EvidenceResult<string>.Found($"read {Interlocked.Increment(ref loads)}")));
        var again = await sut.JoinAsync(Key, () => Task.FromResult(EvidenceResult<string>.Found($"read {Interlocked.Increment(ref loads)}")));

        Assert.Equal("read 2", again.Value);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public async Task JoinAsync_LoadThrows_EveryoneWaitingSeesTheFailure()
    {
        var sut = new InFlightReads();
        var answer = new TaskCompletionSource<EvidenceResult<string>>(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = sut.JoinAsync(Key, () => answer.Task);
        var second = sut.JoinAsync(Key, () => answer.Task);
        answer.SetException(new InvalidOperationException("odd"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal(0, sut.Count);
    }
}
