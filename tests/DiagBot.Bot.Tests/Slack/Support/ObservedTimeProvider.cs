using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>A fake clock that tells the test each time the code under test starts waiting on it.</summary>
internal sealed class ObservedTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    public async Task<TimeSpan> NextWaitAsync() => await _waits.Reader.ReadAsync().AsTask().WaitAsync(Timeouts.Answer);
}
