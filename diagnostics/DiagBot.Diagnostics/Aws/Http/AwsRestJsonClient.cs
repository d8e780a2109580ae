using System.Text.Json;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>The AWS REST-JSON protocol for reads: GET a resource path; errors name their type in x-amzn-ErrorType.</summary>
internal sealed class AwsRestJsonClient(AwsHttpTransport transport, AwsCallGuard guard)
{
    public Task<EvidenceResult<TResponse>> GetAsync<TResponse>(
        AwsOperation operation, AwsTarget target, string relativePathAndQuery, DiagnosisBudget budget, CancellationToken cancellationToken)
        where TResponse : class =>
        guard.RunAsync(operation, target, budget, cancellationToken, async token =>
            Read<TResponse>(operation, await transport.SendAsync(operation, target, AwsHttpRequest.Get(relativePathAndQuery), token).ConfigureAwait(false)));

    private static EvidenceResult<TResponse> Read<TResponse>(AwsOperation operation, AwsRawResponse response)
        where TResponse : class
    {
        try
        {
            if (!response.IsSuccess)
            {
                var error = response.Body.Length > 0 ? JsonSerializer.Deserialize<AwsJsonError>(response.Body, AwsJson.Options) : null;
                return EvidenceResult<TResponse>.Missing(
                    AwsErrorMapper.ToGap(operation, response.Status, response.ErrorTypeHeader ?? error?.Type, error?.Message ?? error?.UpperMessage));
            }

            return JsonSerializer.Deserialize<TResponse>(response.Body, AwsJson.Options) is { } value
                ? EvidenceResult<TResponse>.Found(value)
                : EvidenceResult<TResponse>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, GapReason.ServiceError, "unreadable response (empty body)"));
        }
        catch (JsonException ex)
        {
            return EvidenceResult<TResponse>.Missing(response.IsSuccess
                ? new EvidenceGap(operation.Service.Key, operation.Name, GapReason.ServiceError, $"unreadable response ({ex.Message})")
                : AwsErrorMapper.ToGap(operation, response.Status, response.ErrorTypeHeader, null));
        }
    }
}
