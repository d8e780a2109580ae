using Amazon.Runtime;
using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Aws.RateLimits;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using DiagBot.Diagnostics.Telemetry;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;

namespace DiagBot.Diagnostics.Aws.Resilience;

/// <summary>
/// Runs every AWS call: within the diagnosis budget, each attempt within the call timeout, retried and
/// circuit-broken by <see cref="AwsResilience"/>, each attempt within the account's documented request rate
/// (<see cref="AwsRateLimiter"/>), and every exception turned into a gap here, in one place.
/// </summary>
internal sealed class AwsCallGuard(AwsResilience resilience, AwsRateLimiter limiter, AwsOptions options, TimeProvider time, ILogger<AwsCallGuard> logger)
{
    public async Task<EvidenceResult<T>> RunAsync<T>(
        AwsOperation operation, AwsTarget target, DiagnosisBudget budget, CancellationToken cancellationToken,
        Func<CancellationToken, Task<EvidenceResult<T>>> attempt)
        where T : class
    {
        using var span = EvidenceTelemetry.StartCall(operation.Service, operation.Name, target);
        var started = time.GetTimestamp();
        var result = await GuardAsync(operation, target, budget, cancellationToken, attempt).ConfigureAwait(false);
        EvidenceTelemetry.EndCall(span, operation.Service, operation.Name, result, time.GetElapsedTime(started));
        CallLog.Record(logger, target.ToString(), result, operation.Service.Key, operation.Name);
        return result;
    }

    private async Task<EvidenceResult<T>> GuardAsync<T>(
        AwsOperation operation, AwsTarget target, DiagnosisBudget budget, CancellationToken cancellationToken,
        Func<CancellationToken, Task<EvidenceResult<T>>> attempt)
        where T : class
    {
        if (budget.IsExhausted)
        {
            return Gap<T>(operation, GapReason.BudgetExhausted, $"the diagnosis budget of {budget.Limit.TotalSeconds:0.#}s ran out before this call");
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            return await resilience.For(operation, target.Region)
                .ExecuteAsync(async token => await AttemptAsync(operation, target, attempt, token).ConfigureAwait(false), bounded.Token)
                .ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            return Gap<T>(operation, GapReason.ServiceError, $"not called: {operation.Service.Key} in {target.Region} failed repeatedly just now (circuit open)");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Gap<T>(operation, GapReason.TimedOut, "cancelled by the caller");
        }
        catch (OperationCanceledException)
        {
            return Gap<T>(operation, GapReason.BudgetExhausted, $"the diagnosis budget of {budget.Limit.TotalSeconds:0.#}s ran out during this call");
        }
    }

    private async Task<EvidenceResult<T>> AttemptAsync<T>(
        AwsOperation operation, AwsTarget target, Func<CancellationToken, Task<EvidenceResult<T>>> attempt, CancellationToken token)
        where T : class
    {
        // Every attempt, a retry too, waits for its token first; the wait is bounded by the budget, not the call timeout.
        await limiter.WaitAsync(operation, target, token).ConfigureAwait(false);
        using var callTimeout = new CancellationTokenSource(options.CallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, callTimeout.Token);
        try
        {
            return await attempt(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (callTimeout.IsCancellationRequested && !token.IsCancellationRequested)
        {
            return Gap<T>(operation, GapReason.TimedOut, $"no answer from {operation.Service.Key} in {target} within {options.CallTimeout.TotalSeconds:0.#}s ({AwsOptions.SectionName}:CallTimeout)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return EvidenceResult<T>.Missing(AwsExceptionMapper.ToGap(operation, ex));
        }
    }

    private static EvidenceResult<T> Gap<T>(AwsOperation operation, GapReason reason, string detail)
        where T : class =>
        EvidenceResult<T>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, reason, detail));
}
