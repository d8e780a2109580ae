using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Tests.Evidence;

public sealed class EvidenceScopeTests
{
    [Fact]
    public async Task GetOrLoad_SameKeyTwice_LoadsOnce()
    {
        var scope = CreateSut();
        var loads = 0;

        await scope.GetOrLoadAsync("k", "ecs", "DescribeTasks", () => { loads++; return Task.FromResult(EvidenceResult<string>.Found("v")); }, CancellationToken.None);
        var second = await scope.GetOrLoadAsync("k", "ecs", "DescribeTasks", () => { loads++; return Task.FromResult(EvidenceResult<string>.Found("w")); }, CancellationToken.None);

        Assert.Equal(1, loads);
        Assert.Equal("v", second.Value);
    }

    [Fact]
    public async Task GetOrLoad_LoadThrows_IsServiceErrorGapNotException()
    {
        var result = await CreateSut().GetOrLoadAsync<string>("k", "ec2", "DescribeSubnets", () => throw new InvalidOperationException("no region\nmore"), CancellationToken.None);

        Assert.Equal(new EvidenceGap("ec2", "DescribeSubnets", GapReason.ServiceError, "InvalidOperationException: no region"), result.Gap);
    }

    [Fact]
    public async Task GetOrLoad_CallerGivesUp_OthersStillGetTheAnswer()
    {
        var scope = CreateSut();
        var answer = new TaskCompletionSource<EvidenceResult<string>>();
        using var impatient = new CancellationTokenSource();

        var first = scope.GetOrLoadAsync("k", "logs", "GetLogEvents", () => answer.Task, impatient.Token);
        var second = scope.GetOrLoadAsync("k", "logs", "GetLogEvents", () => answer.Task, CancellationToken.None);
        await impatient.CancelAsync();
        answer.SetResult(EvidenceResult<string>.Found("lines"));

        Assert.Equal(GapReason.TimedOut, (await first).Gap!.Reason);
        Assert.Equal("lines", (await second).Value);
    }

    private static EvidenceScope CreateSut() => new(new DiagnosisBudget(TimeSpan.FromMinutes(1), TimeProvider.System));
}
