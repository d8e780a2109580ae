using System.Collections.Concurrent;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace DiagBot.Diagnostics.Aws.Resilience;

/// <summary>
/// The one place retries and circuit breaking are configured: a pipeline per service and region, so a failing
/// API in one region is left alone during an incident storm while the others are still asked. Reads the API server serves
/// through a node's kubelet have a circuit of their own per cluster, which a kubelet that cannot be reached does not open:
/// one node whose port 10250 is blocked (playbook 15) must neither cut the cluster's other reads nor hide itself from the
/// next diagnosis of a pod on it.
/// </summary>
internal sealed class AwsResilience(AwsOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline For(AwsOperation operation, string region) => operation.ReachesNode
        ? _pipelines.GetOrAdd($"{operation.Service.Key}:{region}:kubelets", _ => Build(options.Resilience, NodeBreaks))
        : _pipelines.GetOrAdd($"{operation.Service.Key}:{region}", _ => Build(options.Resilience, Breaks));

    private static bool Breaks(GapReason? reason) => reason is GapReason.Throttled or GapReason.ServiceError or GapReason.TimedOut or GapReason.Unreachable;

    // The API server's own refusals still count; a kubelet still dialing (timed out) or refusing the dial is the node's.
    private static bool NodeBreaks(GapReason? reason) => reason is GapReason.Throttled or GapReason.ServiceError;

    private ResiliencePipeline Build(AwsResilienceOptions settings, Func<GapReason?, bool> breaks)
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
            ShouldHandle = args => ValueTask.FromResult(breaks(Reason(args.Outcome))),
        }).Build();
    }

    private static GapReason? Reason(Outcome<object> outcome) => (outcome.Result as IEvidenceOutcome)?.Gap?.Reason;
}
