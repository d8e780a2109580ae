using System.Collections.Concurrent;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Evidence;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace DiagBot.Diagnostics.Aws.Resilience;

/// <summary>
/// The one place retries and circuit breaking are configured: a pipeline per service and region, so a failing
/// API in one region is left alone during an incident storm while the others are still asked.
/// </summary>
internal sealed class AwsResilience(AwsOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline For(AwsService service, string region) =>
        _pipelines.GetOrAdd($"{service.Key}:{region}", _ => Build(options.Resilience));

    private ResiliencePipeline Build(AwsResilienceOptions settings)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            // Exponential with jitter is Polly's decorrelated jitter backoff (V2), as AWS's retry guidance advises.
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(Reason(args.Outcome) is GapReason.Throttled or GapReason.ServiceError),
            });
        }

        return builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = settings.BreakerFailureRatio,
            MinimumThroughput = settings.BreakerMinimumThroughput,
            SamplingDuration = settings.BreakerSamplingDuration,
            BreakDuration = settings.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(Reason(args.Outcome) is GapReason.Throttled or GapReason.ServiceError or GapReason.TimedOut or GapReason.Unreachable),
        }).Build();
    }

    private static GapReason? Reason(Outcome<object> outcome) => (outcome.Result as IEvidenceOutcome)?.Gap?.Reason;
}
