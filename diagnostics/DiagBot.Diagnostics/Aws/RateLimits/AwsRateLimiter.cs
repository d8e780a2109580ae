using System.Collections.Concurrent;
using DiagBot.Diagnostics.Aws.Http;

namespace DiagBot.Diagnostics.Aws.RateLimits;

/// <summary>
/// One budget per documented bucket, account and region, shared by every diagnosis of the process: a call waits
/// for its token instead of being sent into the limit and throttled. Each bucket has AWS's burst and refills a little
/// slower than AWS's (<see cref="Headroom"/>), so requests bunched up by the network still arrive within AWS's rate.
/// </summary>
internal sealed class AwsRateLimiter(TimeProvider time)
{
    /// <summary>The share of AWS's refill rate DiagBot allows itself.</summary>
    public const double Headroom = 0.9;

    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private long _waited;

    /// <summary>Calls that had to queue for a token since the process started.</summary>
    public long Waited => Interlocked.Read(ref _waited);

    public async ValueTask WaitAsync(AwsOperation operation, AwsTarget target, CancellationToken cancellationToken)
    {
        if (AwsRateTable.For(operation.Service.Key, operation.Name) is not { } rate)
        {
            return;
        }

        var bucket = _buckets.GetOrAdd($"{rate.Bucket}:{target.AccountId ?? "default"}:{target.Region}", _ =>
            new TokenBucket(rate.Burst, rate.PerSecond * Headroom, time));
        var wait = bucket.Reserve();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref _waited);
        try
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            bucket.Release();
            throw;
        }
    }
}
