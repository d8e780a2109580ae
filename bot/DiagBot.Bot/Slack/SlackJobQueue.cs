using System.Threading.Channels;

namespace DiagBot.Bot.Slack;

/// <summary>The hand-off between acknowledging a Slack request and answering it.</summary>
internal sealed class SlackJobQueue
{
    /// <summary>A burst beyond this is answered "busy" at once instead of queueing answers nobody will wait for.</summary>
    public const int Capacity = 256;

    private readonly Channel<SlackJob> _jobs = Channel.CreateBounded<SlackJob>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private int _enqueued;

    /// <summary>How many jobs were accepted since start; tests read it to prove a rejected request queued nothing.</summary>
    public int Enqueued => Volatile.Read(ref _enqueued);

    public ChannelReader<SlackJob> Reader => _jobs.Reader;

    public bool TryEnqueue(SlackJob job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            return false;
        }

        Interlocked.Increment(ref _enqueued);
        return true;
    }
}
