using System.Collections.Concurrent;

namespace DiagBot.Sandbox.Aws.Throttling;

/// <summary>
/// AWS's token buckets, one per documented bucket, account and region, refilled continuously on the sandbox's clock.
/// A request finding its bucket empty is refused (the protocol's own throttling error); nothing queues here.
/// </summary>
internal sealed class RateLimits(SandboxOptions options)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _refused;

    public long Refused => Interlocked.Read(ref _refused);

    public bool TryTake(AwsCall call)
    {
        if (!options.EnforceRateLimits || DocumentedRates.For(call.Service, call.Operation) is not { } rate)
        {
            return true;
        }

        var bucket = _buckets.GetOrAdd($"{rate.Bucket}:{call.Credential.AccountId}:{options.Region}", _ => new Bucket(rate, options.TimeProvider));
        if (bucket.TryTake())
        {
            return true;
        }

        Interlocked.Increment(ref _refused);
        return false;
    }

    private sealed class Bucket(DocumentedRate rate, TimeProvider clock)
    {
        private readonly Lock _gate = new();
        private double _tokens = rate.Burst;
        private long _updated = clock.GetTimestamp();

        public bool TryTake()
        {
            lock (_gate)
            {
                var now = clock.GetTimestamp();
                _tokens = Math.Min(rate.Burst, _tokens + (clock.GetElapsedTime(_updated, now).TotalSeconds * rate.PerSecond));
                _updated = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens -= 1;
                return true;
            }
        }
    }
}
