using System.Text.Json;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>The AWS JSON 1.1 (and 1.0) protocol: POST "/", X-Amz-Target names the operation, errors carry __type.</summary>
internal sealed class AwsJsonClient(AwsHttpTransport transport, AwsCallGuard guard)
{
    public Task<EvidenceResult<TResponse>> CallAsync<TRequest, TResponse>(
        AwsOperation operation, string targetPrefix, AwsTarget target, TRequest payload, DiagnosisBudget budget, CancellationToken cancellationToken)
        where TResponse : class =>
        CallAsync<TRequest, TResponse>(operation, targetPrefix, AwsJson.ContentType, target, payload, budget, cancellationToken);

    /// <summary>The same over awsJson1_0 (CloudWatch): only the content type differs from 1.1.</summary>
    public Task<EvidenceResult<TResponse>> CallAsync<TRequest, TResponse>(
        AwsOperation operation, string targetPrefix, string contentType, AwsTarget target, TRequest payload, DiagnosisBudget budget, CancellationToken cancellationToken)
        where TResponse : class
    {
        var request = new AwsHttpRequest(
            contentType,
            JsonSerializer.SerializeToUtf8Bytes(payload, AwsJson.Options),
            [KeyValuePair.Create(AwsJson.TargetHeader, $"{targetPrefix}.{operation.Name}")]);
        return guard.RunAsync(operation, target, budget, cancellationToken, async token =>
            Read<TResponse>(operation, await transport.SendAsync(operation, target, request, token).ConfigureAwait(false)));
    }

    private static EvidenceResult<TResponse> Read<TResponse>(AwsOperation operation, AwsRawResponse response)
        where TResponse : class
    {
        try
        {
            if (!response.IsSuccess)
            {
                var error = response.Body.Length > 0 ? JsonSerializer.Deserialize<AwsJsonError>(response.Body, AwsJson.Options) : null;
                return EvidenceResult<TResponse>.Missing(
                    AwsErrorMapper.ToGap(operation, response.Status, error?.Type ?? response.ErrorTypeHeader, error?.Message ?? error?.UpperMessage));
            }

            var value = JsonSerializer.Deserialize<TResponse>(response.Body, AwsJson.Options);
            return value is null ? Unreadable<TResponse>(operation, "empty body") : EvidenceResult<TResponse>.Found(value);
        }
        catch (JsonException ex)
        {
            return response.IsSuccess
                ? Unreadable<TResponse>(operation, ex.Message)
                : EvidenceResult<TResponse>.Missing(AwsErrorMapper.ToGap(operation, response.Status, response.ErrorTypeHeader, null));
        }
    }

    private static EvidenceResult<T> Unreadable<T>(AwsOperation operation, string why)
        where T : class =>
        EvidenceResult<T>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, GapReason.ServiceError, $"unreadable response ({why})"));
}
