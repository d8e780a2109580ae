namespace DiagBot.Diagnostics.Aws.RateLimits;

/// <summary>
/// A token bucket that queues instead of refusing: each caller reserves the next token and waits until it exists,
/// so callers leave in the order they came and the bucket is never overdrawn. Time comes from the injected clock.
/// </summary>
internal sealed class TokenBucket(int burst, double perSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _updated = time.GetTimestamp();

    /// <summary>How long the caller waits for its token; zero when one is at hand.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_updated, now).TotalSeconds * perSecond));
            _updated = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / perSecond);
        }
    }

    /// <summary>Gives back a reservation whose caller stopped waiting, so the next caller need not wait for it.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _tokens = Math.Min(burst, _tokens + 1);
        }
    }
}
